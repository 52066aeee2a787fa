/**
 * The shape of one year of the State Council's holiday arrangement
 * (国务院办公厅关于XXXX年部分节假日安排的通知). The data files in ./data are plain values of this type.
 */

/** One listed day: a date 'YYYY-MM-DD' and the holiday it belongs to. */
export interface NamedDate {
  readonly date: string;
  readonly name: string;
}

export interface HolidayYearData {
  readonly year: number;
  /** Title and document number of the notice, or how a provisional year was derived. */
  readonly source: string;
  /** True while the year is an estimate and not yet the published notice. */
  readonly provisional: boolean;
  /** Days off (放假), every date listed individually, weekend days inside a holiday block included. */
  readonly holidays: readonly NamedDate[];
  /** Make-up workdays (调休上班): weekend days that are working days, named after their holiday. */
  readonly workdays: readonly NamedDate[];
}
