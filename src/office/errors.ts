/**
 * Office.js errors in Dutch: every OfficeExtension.Error code the Excel host can meet (OfficeExtension.ErrorCodes
 * and Excel.ErrorCodes) becomes one sentence that says what happened and what to do. The raw code stays
 * at the end in brackets, for whoever helps the user.
 */

const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Excel weigert de wijziging omdat een blad of de werkmapstructuur beveiligd is. Hef de beveiliging op (Controleren > Blad beveiligen of Werkmap beveiligen) en probeer het opnieuw.",
  ItemNotFound:
    "Een werkblad dat de add-in verwachtte, bestaat niet meer (misschien is het intussen verwijderd of hernoemd). Klik op Controleren om de werkmap opnieuw in te lezen en probeer het daarna nog eens.",
  ItemAlreadyExists:
    "Er bestaat al een werkblad of tabel met de naam die de add-in wil gebruiken (misschien zojuist toegevoegd). Hernoem dat blad of klik op Controleren om de werkmap opnieuw in te lezen.",
  InvalidArgument:
    "Excel weigerde een opdracht van de add-in als ongeldig. Er is niets half geschreven; probeer het opnieuw, en meld het als het blijft gebeuren.",
  InvalidOperation:
    "Excel kan deze handeling nu niet uitvoeren (bijvoorbeeld omdat er dan geen zichtbaar blad overblijft). Maak een blad zichtbaar en probeer het opnieuw.",
  InvalidOperationInCellEditMode:
    "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc om de cel te verlaten en probeer het opnieuw.",
  InvalidReference: "Een verwijzing in de werkmap klopt niet meer. Klik op Controleren om de werkmap opnieuw in te lezen.",
  InvalidSelection: "De selectie kan niet worden gemaakt. Ga zelf naar het blad en de cel die genoemd worden.",
  InvalidBinding: "Een koppeling in de werkmap is niet meer geldig. Klik op Controleren en probeer het opnieuw.",
  Conflict: "Iemand anders wijzigt de werkmap tegelijk (samen bewerken). Wacht even en probeer het opnieuw.",
  InsertDeleteConflict: "Rijen of kolommen kunnen hier niet worden ingevoegd of verwijderd. Controleer samengevoegde cellen en tabellen op het blad.",
  MergedRangeConflict: "Samengevoegde cellen staan in de weg. Hef de samenvoeging op in het genoemde bereik en probeer het opnieuw.",
  FilteredRangeConflict: "Een filter staat in de weg. Wis de filters op het blad en probeer het opnieuw.",
  PivotTableRangeConflict: "Een draaitabel staat in de weg. Verplaats de draaitabel en probeer het opnieuw.",
  NonBlankCellOffSheet: "Excel kan geen cellen toevoegen omdat er onderaan of rechts op het blad nog iets staat. Maak de laatste rijen of kolommen leeg en probeer het opnieuw.",
  RangeExceedsLimit: "Het bereik is te groot voor één opdracht. Probeer het opnieuw; meld het als het blijft gebeuren.",
  OperationCellsExceedLimit: "De opdracht raakt te veel cellen tegelijk. Probeer het opnieuw; meld het als het blijft gebeuren.",
  FormulaLengthExceedsLimit: "Een formule is langer dan Excel toestaat. Meld dit aan de beheerder van de add-in.",
  RequestPayloadSizeLimitExceeded:
    "De opdracht aan Excel is te groot voor Excel op het web. Probeer het opnieuw in Excel op de computer, en meld het aan de beheerder van de add-in.",
  ResponsePayloadSizeLimitExceeded:
    "Het antwoord van Excel is te groot voor Excel op het web. Probeer het opnieuw in Excel op de computer, en meld het aan de beheerder van de add-in.",
  RequestAborted: "Excel heeft de opdracht afgebroken. Probeer het opnieuw.",
  ActivityLimitReached: "Excel krijgt te veel opdrachten tegelijk. Wacht een minuut en probeer het opnieuw.",
  ApiNotFound: "Deze Excel-versie kent een functie niet die de add-in nodig heeft. Werk Excel bij (Microsoft 365 of Excel 2021 en later) of gebruik Excel op het web.",
  NotImplemented: "Deze Excel-versie ondersteunt een functie van de add-in niet. Werk Excel bij of gebruik Excel op het web.",
  UnsupportedFeature: "Deze werkmap of Excel-versie ondersteunt een functie van de add-in niet. Werk Excel bij of gebruik Excel op het web.",
  UnsupportedOperation: "Excel ondersteunt deze handeling hier niet. Probeer het in Excel op de computer.",
  UnsupportedSheet: "Dit soort blad (bijvoorbeeld een grafiekblad of macroblad) kan de add-in niet gebruiken. Ga naar een gewoon werkblad en probeer het opnieuw.",
  InactiveWorkbook: "De werkmap is niet meer actief. Klik in de werkmap en probeer het opnieuw.",
  EmptyChartSeries: "Een grafiek heeft geen gegevens. Controleer de invoer en maak het rapport opnieuw.",
  DirtySupportingFormula: "Excel is nog aan het rekenen. Wacht tot Excel klaar is en probeer het opnieuw.",
  GeneralException: "Excel meldde een onverwachte fout. Sla de werkmap op, sluit het taakvenster, open het opnieuw en probeer het nog eens.",
  InvalidRequestContext: "De verbinding met de werkmap is verlopen. Sluit het taakvenster, open het opnieuw en probeer het nog eens.",
  InvalidObjectPath: "Een onderdeel van de werkmap is intussen veranderd. Klik op Controleren om de werkmap opnieuw in te lezen.",
  PropertyNotLoaded: "Interne fout van de add-in (gegevens niet geladen). Meld dit aan de beheerder van de add-in.",
  ValueNotLoaded: "Interne fout van de add-in (gegevens niet geladen). Meld dit aan de beheerder van de add-in.",
  RunMustReturnPromise: "Interne fout van de add-in. Meld dit aan de beheerder van de add-in.",
  CannotRegisterEvent: "Excel kon een gebeurtenis niet registreren. Sluit het taakvenster en open het opnieuw.",
  ConnectionFailure: "De verbinding met Excel is verbroken. Controleer de internetverbinding, sluit het taakvenster en open het opnieuw.",
  Unauthenticated: "U bent niet (meer) aangemeld. Meld u opnieuw aan bij Microsoft 365 en probeer het nog eens.",
  OpenWorkbookLinksBlocked: "Koppelingen naar andere werkmappen zijn geblokkeerd. Sta ze toe (Gegevens > Koppelingen bewerken) of verwijder ze.",
  RefreshWorkbookLinksBlocked: "Koppelingen naar andere werkmappen zijn geblokkeerd. Sta ze toe (Gegevens > Koppelingen bewerken) of verwijder ze.",
  PowerQueryRefreshResourceChallenge: "Power Query vraagt om aanmelding. Vernieuw de query's eerst zelf in Excel en probeer het opnieuw.",
  UnsupportedFillType: "Excel ondersteunt deze opvulling niet. Meld dit aan de beheerder van de add-in.",
  RangeImageExceedsLimit: "Het bereik is te groot voor een afbeelding. Meld dit aan de beheerder van de add-in.",
};

/** The codes this module knows (for tests: every code of Excel.ErrorCodes and OfficeExtension.ErrorCodes). */
export const KNOWN_CODES = Object.keys(MESSAGES);

function codeOf(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const o = e as { code?: unknown; name?: unknown; debugInfo?: { code?: unknown } };
  if (typeof o.code === "string" && o.code !== "") return o.code;
  if (typeof o.debugInfo?.code === "string") return o.debugInfo.code;
  return null;
}

/** A Dutch sentence for an error thrown by Office.js (or any other error: its own message is kept). */
export function dutchMessage(e: unknown): string {
  const code = codeOf(e);
  if (code) {
    const lower = code.charAt(0).toUpperCase() + code.slice(1);
    const m = MESSAGES[lower];
    if (m) return `${m} (Excel: ${lower})`;
    return `Excel meldde een fout die de add-in niet kent. Probeer het opnieuw; meld het aan de beheerder van de add-in als het blijft gebeuren. (Excel: ${code})`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** An Error whose message is the Dutch sentence; the original stays as `cause`. */
export function inDutch(e: unknown): Error {
  if (e instanceof Error && !codeOf(e)) return e;
  return new Error(dutchMessage(e), { cause: e });
}
