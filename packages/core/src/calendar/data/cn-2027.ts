import type { HolidayYearData } from '../holiday-year.ts';

/**
 * Provisional: the 2027 notice was not available when this file was written. Days off are the
 * statutory holidays of the Measures (2024 revision) on the 2027 dates (除夕 Feb 5, 春节 Feb 6,
 * 清明 Apr 5, 端午 Jun 9, 中秋 Sep 15); statutory days that fall on a weekend are compensated on
 * the following weekdays. No make-up workdays are assumed. Replace with the notice once published
 * (until then admins can correct single days with calendar overrides).
 */
export const cn2027: HolidayYearData = {
  year: 2027,
  source:
    'PROVISIONAL, not the notice: statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) on the 2027 lunar dates, weekend statutory days compensated on the following weekdays, no make-up workdays; replace with 国务院办公厅关于2027年部分节假日安排的通知 when published',
  provisional: true,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-02-09', name: '春节' },
    { date: '2027-02-10', name: '春节' },
    { date: '2027-04-05', name: '清明节' },
    { date: '2027-05-01', name: '劳动节' },
    { date: '2027-05-02', name: '劳动节' },
    { date: '2027-05-03', name: '劳动节' },
    { date: '2027-05-04', name: '劳动节' },
    { date: '2027-06-09', name: '端午节' },
    { date: '2027-09-15', name: '中秋节' },
    { date: '2027-10-01', name: '国庆节' },
    { date: '2027-10-02', name: '国庆节' },
    { date: '2027-10-03', name: '国庆节' },
    { date: '2027-10-04', name: '国庆节' },
    { date: '2027-10-05', name: '国庆节' },
  ],
  workdays: [],
};
