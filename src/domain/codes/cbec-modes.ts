/**
 * The first day (Asia/Shanghai) each CBEC supervision mode was in force [C]: 9610 by GACC
 * Announcement 2014 No.12, 1210 by 2014 No.57, 1239 by 2016 No.75, 9710 and 9810 by 2020 No.75
 * (a pilot in ten customs districts from 2020-07-01, every district from 2021 by 2021 No.47).
 */
export const CBEC_MODE_STARTS = {
  '9610': '2014-02-10',
  '1210': '2014-08-01',
  '1239': '2016-12-01',
  '9710': '2020-07-01',
  '9810': '2020-07-01',
} as const;
