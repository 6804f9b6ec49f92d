/**
 * Stand-in for `office-addin-manifest` under jest: office-addin-mock imports it only for the OfficeApp
 * enum, and its real dependency chain reaches ES-module-only packages that jest's require cannot load.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
