/** Sane bounds of the number columns (cells.ts LIMITS), with what a message calls the value. */
import { LIMITS } from "../cells";

export const EURO = { value: LIMITS.euro, what: "een bedrag", unit: " euro" };
export const SALARY = { value: LIMITS.salary, what: "een maandsalaris", unit: " euro" };
export const COUNT = { value: LIMITS.count, what: "een aantal per maand" };
