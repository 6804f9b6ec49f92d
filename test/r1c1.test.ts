import { toR1C1 } from "../src/office/r1c1";
import { r1c1ToA1 } from "./support/excel-double";

describe("A1 → R1C1", () => {
  test.each([
    ["SUM(A1:A3)", 4, 1, "SUM(R[-3]C:R[-1]C)"],
    ["ROUND(D12*H12,2)", 12, 9, "ROUND(RC[-5]*RC[-1],2)"],
    ["Formatie!D5", 12, 4, "Formatie!R[-7]C"],
    ["INDEX(Berekening!$N$30:$N$34,MATCH(C12,Berekening!$A$30:$A$34,0))", 12, 5, "INDEX(Berekening!R30C14:R34C14,MATCH(RC[-2],Berekening!R30C1:R34C1,0))"],
    ["'6.5 Financieel'!$B$5+'Addendum 2025'!B7", 1, 1, "'6.5 Financieel'!R5C2+'Addendum 2025'!R[6]C[1]"],
    ["IF(C3=\"Kort\",\"A1\",LOG10(B2))", 3, 5, "IF(RC[-2]=\"Kort\",\"A1\",LOG10(R[-1]C[-3]))"],
    ["SUMIFS(Berekening!$D$10:$D$90,Berekening!$C$10:$C$90,\"Loonkosten\",Berekening!$B$10:$B$90,\"<=\"&Berekening!$B$6)", 5, 2,
      "SUMIFS(Berekening!R10C4:R90C4,Berekening!R10C3:R90C3,\"Loonkosten\",Berekening!R10C2:R90C2,\"<=\"&Berekening!R6C2)"],
    ["DATE(Berekening!$B$4,13,1)-1", 2, 2, "DATE(Berekening!R4C2,13,1)-1"],
    ["AA10+$A5+B$7", 10, 3, "R[0]C[24]+R[-5]C1+R7C[-1]".replace("R[0]", "R")],
    // whole columns and rows: "C:C" in R1C1 would be "this column"
    ["SUMIFS(Realisatie!C:C,Realisatie!A:A,1)", 5, 2, "SUMIFS(Realisatie!C[1]:C[1],Realisatie!C[-1]:C[-1],1)"],
    ["SUM($C:$E)", 5, 2, "SUM(C3:C5)"],
    ["SUM(B:B)", 5, 2, "SUM(C:C)"],
    ["COUNTA('6.5 Financieel'!$A:$A)", 1, 1, "COUNTA('6.5 Financieel'!C1:C1)"],
    ["SUM(5:5)+SUM($2:$3)", 5, 1, "SUM(R:R)+SUM(R2:R3)"],
    ["SUM(A1:A3)/3", 4, 1, "SUM(R[-3]C:R[-1]C)/3"],
  ])("%s at R%iC%i", (a1, row, col, r1c1) => expect(toR1C1(a1, row, col)).toBe(r1c1));

  test("the same formula one row down has the same R1C1 form", () => {
    expect(toR1C1("ROUND(D12*H12,2)", 12, 9)).toBe(toR1C1("ROUND(D13*H13,2)", 13, 9));
    expect(toR1C1("TRIM(Formatie!B5&\"\")", 12, 2)).toBe(toR1C1("TRIM(Formatie!B6&\"\")", 13, 2));
  });

  test.each([
    ["SUMIFS(Realisatie!C:C,Realisatie!A:A,1)", 5, 2],
    ["SUM($C:$E)+SUM(5:5)+SUM($2:$3)", 7, 4],
    ["INDEX(Berekening!$N$30:$N$34,MATCH(C12,Berekening!$A$30:$A$34,0))", 12, 5],
    ["'6.5 Financieel'!$B$5+'Addendum 2025'!B7", 3, 3],
    ["IF(C3=\"Kort\",\"A1\",LOG10(B2))", 3, 5],
  ])("%s at R%iC%i comes back the same through the Excel double's own R1C1 → A1", (a1, row, col) => {
    expect(r1c1ToA1(`=${toR1C1(a1, row, col)}`, row, col)).toBe(`=${a1}`);
  });
});
