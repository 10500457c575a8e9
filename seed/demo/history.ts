/**
 * The demo's two earlier years, so that the public register (/cong-nhan) and a unit's level-2
 * prerequisite have something to show: for the evaluation years N-2 and N-1 before the open demo
 * round's year N, closed rounds whose dossiers the team found met and whose decisions recognised
 * them. Every row is made through the product's own steps (src/seed/loadDemoHistory.ts).
 *
 * Dates are written for N = 2026 and moved by the loader to the demo's year. Under TT 24 a unit may
 * apply for Mức độ 2 twelve months after its Mức độ 1 decision (REGULATIONS §2.3), and applications
 * close before 15/01 (§2.9): Hà Quảng's N-2 decision is therefore signed early (10/01), so that Xuân Hòa,
 * applying on 12/01 of the next round, has waited the twelve months. ILLUSTRATIVE DEMO DATA: the
 * decision numbers are made up. UBND xã Trường Hà (donvi@demo.vn) has no earlier recognition: its
 * clerk meets the demo round as a first-time applicant. Only Hà Quảng has a history: a review is
 * written by an account with the reviewer role on the round's team, and the demo's one reviewer works
 * for Hà Quảng (a team in Thành phố Cao Bằng would widen what she reads).
 */
export const demoHistorySourceYear = 2026

export type DemoHistoryDossier = {
  unitCode: string
  /** the level applied for: the demo province's copy of the district set of that level */
  level: 1 | 2
  /** the day the unit applied (the dossier's `submittedAt`) */
  submittedOn: string
}

export type DemoHistoryRound = {
  authorityCode: string
  /** how many years before the demo round's year */
  yearsBefore: 1 | 2
  /** the authority-admin who accepts the dossiers, runs the round and issues the decision */
  actorEmail: string
  /** the evaluation team's lead, who reviews each dossier and closes the review */
  teamLeadEmail: string
  /** `{year}` is the round's evaluation year */
  title: string
  decision: { number: string; signedOn: string }
  dossiers: DemoHistoryDossier[]
}

export const demoHistory: readonly DemoHistoryRound[] = [
  {
    actorEmail: 'huyen@demo.vn',
    authorityCode: 'CB-HQ',
    decision: { number: '08/QĐ-UBND (minh họa)', signedOn: '2025-01-10' },
    dossiers: [
      { level: 1, submittedOn: '2025-01-03', unitCode: 'HQ-XH' },
      { level: 1, submittedOn: '2025-01-06', unitCode: 'HQ-SH' },
    ],
    teamLeadEmail: 'reviewer@demo.vn',
    title: 'Đánh giá, công nhận Đơn vị học tập năm {year} — huyện Hà Quảng',
    yearsBefore: 2,
  },
  {
    actorEmail: 'huyen@demo.vn',
    authorityCode: 'CB-HQ',
    decision: { number: '21/QĐ-UBND (minh họa)', signedOn: '2026-02-05' },
    dossiers: [
      { level: 2, submittedOn: '2026-01-12', unitCode: 'HQ-XH' },
      { level: 1, submittedOn: '2026-01-08', unitCode: 'HQ-QQ' },
      { level: 1, submittedOn: '2026-01-13', unitCode: 'HQ-MNXH' },
    ],
    teamLeadEmail: 'reviewer@demo.vn',
    title: 'Đánh giá, công nhận Đơn vị học tập năm {year} — huyện Hà Quảng',
    yearsBefore: 1,
  },
]
