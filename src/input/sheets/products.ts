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
    // SLA 2023 service norms (optional columns)
    const onTime = t.has("onTime") ? t.number(row, "onTime", { min: 0, integer: true, limit: COUNT }) : undefined;
    const waiting = t.has("waiting") ? t.number(row, "waiting", { min: 0, integer: true, limit: COUNT }) : undefined;
    if (onTime !== undefined && count !== undefined && onTime > count) t.problem(row, "onTime", `Binnen termijn (${onTime}) is meer dan het Aantal (${count}): controleer beide.`);
    if (month === undefined || service === undefined || product === undefined || count === undefined) return undefined;
    return { row, month, service, product, count, ...(t.has("onTime") ? { onTime: onTime ?? null } : {}), ...(t.has("waiting") ? { waiting: waiting ?? null } : {}) };
  });
}
