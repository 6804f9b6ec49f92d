/** `Producten`: requests per product and month. */
import { SERVICE_CODES, type ProductRow } from "../../domain/types";
import type { TableReader } from "../table";
import { COUNT } from "./limits";

export function readProducts(t: TableReader, year: number | null): ProductRow[] {
  return t.rows((row) => {
    const month = t.month(row, "month", year);
    const service = t.choice(row, "service", SERVICE_CODES);
    const product = t.text(row, "product", true);
    const count = t.number(row, "count", { required: true, min: 0, integer: true, limit: COUNT });
    if (month === undefined || service === undefined || product === undefined || count === undefined) return undefined;
    return { row, month, service, product, count };
  });
}
