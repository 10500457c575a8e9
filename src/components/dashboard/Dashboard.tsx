/**
 * The admin's start page, one per role (issue 12): the unit's dossier for each open round and what it
 * still lacks, the authority's funnel and deadlines, the reviewer's dossiers and the team's progress,
 * the admin's provinces side by side. Read with the user's own access (src/dashboard/load.ts).
 */
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { describeDaysLeft, urgencyOf, type FunnelCount } from '@criteria/dashboard'
import {
  loadDashboard,
  type AdminDashboardData,
  type AuthorityDashboardData,
  type AuthorityRound,
  type Deadline,
  type ReviewerDashboardData,
  type UnitDashboardData,
} from '@/dashboard/load'

import type { DossierGap } from '@collections/self-assessments/gaps'

import { CreateAndOpen } from './CreateAndOpen'

const list = (collection: string, query = '') => `/admin/collections/${collection}${query}`

/** The list of a round's dossiers at these statuses (Payload's list view reads `where` from the query). */
const dossiersAt = ({ round, statuses }: { round: number; statuses: readonly string[] }) =>
  list('self-assessments', `?where[round][equals]=${round}${statuses.map((status, index) => `&where[status][in][${index}]=${status}`).join('')}`)

/**
 * The whole list behind a start page's shortened one: the dossiers of these rounds matching
 * `condition` (already a query fragment). The rounds as one comma-separated value: the list view
 * reads at most 20 indexed values (`in][20]` and beyond would not make a list), and a province
 * has more open rounds than that.
 */
const dossiersOfRounds = ({ rounds, condition }: { rounds: readonly { id: number }[]; condition: string }) =>
  list('self-assessments', `?where[round][in]=${rounds.map((round) => round.id).join(',')}&${condition}`)

/** "Xem tất cả 572 hồ sơ" under a list that shows only its first rows. */
const MoreLink = ({ shown, total, href, testId }: { shown: number; total: number; href: string; testId: string }) =>
  total > shown ? (
    <p className="dashboard-muted">
      Đang hiện {shown} hồ sơ đầu tiên. <a data-testid={testId} href={href}>Xem tất cả {total} hồ sơ</a>
    </p>
  ) : null

const DaysLeft = ({ days }: { days: number | null }) => <span className={`dashboard-days dashboard-days--${urgencyOf(days)}`}>{describeDaysLeft(days)}</span>

const DeadlineLine = ({ deadline }: { deadline: Deadline }) => (
  <li>
    <span className="dashboard-deadline__label">{deadline.label}:</span> {deadline.text} — <DaysLeft days={deadline.days} />
  </li>
)

const Funnel = ({ round }: { round: Pick<AuthorityRound, 'id' | 'funnel'> }) => (
  <ol className="dashboard-funnel" data-testid={`funnel-${round.id}`}>
    {round.funnel.map((stage: FunnelCount) => (
      <li className={`dashboard-funnel__stage${stage.count === 0 ? ' dashboard-funnel__stage--empty' : ''}`} key={stage.code}>
        <a href={stage.code === 'not-started' ? list('rounds', `/${round.id}`) : dossiersAt({ round: round.id, statuses: stage.statuses })}>
          <strong className="dashboard-funnel__count">{stage.count}</strong>
          <span className="dashboard-funnel__label">{stage.label}</span>
        </a>
      </li>
    ))}
  </ol>
)

const RoundCard = ({ round }: { round: AuthorityRound }) => (
  <section className="dashboard-card" data-testid={`round-${round.id}`}>
    <h3>
      <a href={list('rounds', `/${round.id}`)}>{round.title}</a>
    </h3>
    <p className="dashboard-muted">
      {round.authorityName} · {round.unitCount} đơn vị tham gia · {round.status === 'open' ? 'đang nhận hồ sơ' : round.status === 'reviewing' ? 'đang đánh giá' : round.status === 'draft' ? 'đang chuẩn bị' : 'đã kết thúc'}
    </p>
    <Funnel round={round} />
    {(round.funnel.find((stage) => stage.code === 'reviewed')?.count ?? 0) > 0 ? (
      <p>
        <a className="btn btn--size-small btn--style-primary dashboard-inline-button" href={list('decisions', '/create')}>
          Lập quyết định công nhận
        </a>{' '}
        <span className="dashboard-muted">cho các hồ sơ đoàn đã đánh giá xong.</span>
      </p>
    ) : null}
    {round.deadlines.length > 0 ? (
      <ul className="dashboard-deadlines">
        {round.deadlines.map((deadline) => (
          <DeadlineLine deadline={deadline} key={deadline.label} />
        ))}
      </ul>
    ) : null}
  </section>
)

const GapList = ({ gaps, title, limit }: { gaps: DossierGap[]; title: string; limit: number }) =>
  gaps.length === 0 ? null : (
    <>
      <p className="dashboard-gaps__title">
        {title} ({gaps.length}):
      </p>
      <ul className="dashboard-gaps">
        {gaps.slice(0, limit).map((gap) => (
          <li key={`${gap.kind}-${gap.href}`}>
            <a href={gap.href}>{gap.name}</a>: {gap.problem}
          </li>
        ))}
      </ul>
      {gaps.length > limit ? <p className="dashboard-muted">và {gaps.length - limit} mục khác: mở hồ sơ để xem hết.</p> : null}
    </>
  )

const Empty = ({ children }: { children: React.ReactNode }) => <p className="dashboard-muted">{children}</p>

const UnitDashboard = ({ data }: { data: UnitDashboardData }) => (
  <>
    <h2>{data.unitName ? `Việc của ${data.unitName}` : 'Việc của đơn vị'}</h2>
    {data.rounds.length === 0 ? <Empty>Hiện chưa có đợt đánh giá nào đang nhận hồ sơ của đơn vị.</Empty> : null}
    {data.rounds.map((round) => (
      <section className="dashboard-card" data-testid={`unit-round-${round.id}`} key={round.id}>
        <h3>{round.title}</h3>
        {round.deadline ? (
          <p>
            {round.deadline.label}: {round.deadline.text} — <DaysLeft days={round.deadline.days} />
          </p>
        ) : (
          <p className="dashboard-muted">Đợt chưa có hạn nộp hồ sơ.</p>
        )}
        {round.dossier ? (
          <>
            <p>
              Hồ sơ tự đánh giá ({round.dossier.setTitle}): <strong data-testid="dossier-status">{round.dossier.statusLabel}</strong>{' '}
              <a className="btn btn--size-small btn--style-primary dashboard-inline-button" href={list('self-assessments', `/${round.dossier.id}`)}>
                Mở hồ sơ
              </a>
            </p>
            {round.dossier.returnReason ? <p className="dashboard-warning">Lý do trả lại: {round.dossier.returnReason}</p> : null}
            {round.dossier.gaps.length > 0 ? (
              <div data-testid="dossier-gaps">
                <GapList gaps={round.dossier.gaps.filter((gap) => gap.kind !== 'paper')} limit={8} title="Chỉ tiêu chưa xong" />
                <GapList gaps={round.dossier.gaps.filter((gap) => gap.kind === 'paper')} limit={20} title="Tài liệu chưa đính kèm" />
              </div>
            ) : ['draft', 'returned'].includes(round.dossier.status) ? (
              <p>Hồ sơ đã đủ để nộp: mở hồ sơ và bấm «Nộp hồ sơ».</p>
            ) : null}
          </>
        ) : round.choices.length === 0 ? (
          <Empty>Đợt chưa có bộ tiêu chí cho loại đơn vị này; liên hệ cơ quan quản lý.</Empty>
        ) : (
          <div className="dashboard-choices">
            <p>Chưa có hồ sơ. Chọn bộ tiêu chí để bắt đầu; hệ thống đề xuất theo kết quả công nhận trước đó của đơn vị.</p>
            {round.choices.map((choice) => (
              <div className={`dashboard-choice${choice.isRecommended ? ' dashboard-choice--recommended' : ''}`} key={String(choice.set.id)}>
                <div>
                  <strong>{choice.set.title}</strong>
                  {choice.isRecommended ? <span className="dashboard-badge">Đề xuất</span> : null}
                  <div className="dashboard-muted">{choice.reason}</div>
                </div>
                <CreateAndOpen
                  collection="self-assessments"
                  data={{ criteriaSet: choice.set.id, round: round.id }}
                  isPrimary={choice.isRecommended}
                  label={choice.isRecommended ? 'Bắt đầu tự đánh giá' : 'Tự đánh giá theo bộ này'}
                  testId={choice.isRecommended ? 'start-self-assessment' : undefined}
                />
              </div>
            ))}
          </div>
        )}
      </section>
    ))}
    <h2>Kết quả công nhận của đơn vị</h2>
    {data.recognitions.length === 0 ? (
      <Empty>Đơn vị chưa có quyết định công nhận còn hiệu lực.</Empty>
    ) : (
      <table className="dashboard-table">
        <thead>
          <tr>
            <th>Kết quả</th>
            <th>Quyết định</th>
            <th>Hiệu lực</th>
          </tr>
        </thead>
        <tbody>
          {data.recognitions.map((row) => (
            <tr key={row.id}>
              <td>{row.outcome}</td>
              <td>{row.decision}</td>
              <td>{row.validUntil ? <DaysLeft days={row.days} /> : 'theo năm đánh giá'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
)

const AuthorityDashboard = ({ data }: { data: AuthorityDashboardData }) => (
  <>
    <h2>Các đợt đang diễn ra</h2>
    {data.rounds.length === 0 ? (
      <Empty>
        Chưa có đợt nào đang nhận hồ sơ hoặc đang đánh giá. <a href={list('rounds')}>Xem các đợt đánh giá</a>
      </Empty>
    ) : null}
    {data.rounds.map((round) => (
      <RoundCard key={round.id} round={round} />
    ))}
    <div className="dashboard-columns">
      <section className="dashboard-card" data-testid="waiting">
        <h3>Hồ sơ chờ tiếp nhận ({data.waitingCount})</h3>
        {data.waiting.length === 0 ? (
          <Empty>Không có hồ sơ nào chờ tiếp nhận.</Empty>
        ) : (
          <ul>
            {data.waiting.map((row) => (
              <li key={row.id}>
                <a href={list('self-assessments', `/${row.id}`)}>{row.title}</a>
              </li>
            ))}
          </ul>
        )}
        <MoreLink href={dossiersOfRounds({ condition: 'where[status][equals]=submitted', rounds: data.rounds })} shown={data.waiting.length} testId="waiting-all" total={data.waitingCount} />
      </section>
      <section className="dashboard-card" data-testid="disagreements">
        <h3>Đoàn có ý kiến khác nhau ({data.disagreementCount})</h3>
        {data.disagreements.length === 0 ? (
          <Empty>Không có hồ sơ nào.</Empty>
        ) : (
          <ul>
            {data.disagreements.map((row) => (
              <li key={row.id}>
                <a href={list('self-assessments', `/${row.id}`)}>{row.title}</a>: {row.count} chỉ tiêu
              </li>
            ))}
          </ul>
        )}
        <MoreLink href={dossiersOfRounds({ condition: 'where[disagreements][greater_than]=0', rounds: data.rounds })} shown={data.disagreements.length} testId="disagreements-all" total={data.disagreementCount} />
      </section>
      <section className="dashboard-card" data-testid="expiring">
        <h3>Công nhận hết hiệu lực trong 12 tháng ({data.expiring.length})</h3>
        {data.expiring.length === 0 ? (
          <Empty>Không có đơn vị nào.</Empty>
        ) : (
          <ul>
            {data.expiring.map((row) => (
              <li key={row.id}>
                <a href={list('recognitions', `/${row.id}`)}>{row.unitName}</a> ({row.outcome}) — <DaysLeft days={row.days} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  </>
)

const ReviewerDashboard = ({ data }: { data: ReviewerDashboardData }) => (
  <>
    <h2>Hồ sơ được giao đánh giá</h2>
    {data.rounds.length > 0 ? (
      <ul className="dashboard-rounds">
        {data.rounds.map((round) => (
          <li key={round.id}>
            {round.title}: {round.role} · {round.dossierCount} hồ sơ đã tiếp nhận
          </li>
        ))}
      </ul>
    ) : null}
    {data.dossiers.length === 0 ? (
      <Empty>{data.rounds.length === 0 ? 'Bạn chưa có tên trong đoàn đánh giá của đợt nào đang diễn ra.' : 'Chưa có hồ sơ nào được tiếp nhận để đánh giá.'}</Empty>
    ) : (
      <table className="dashboard-table" data-testid="assigned">
        <thead>
          <tr>
            <th>Hồ sơ</th>
            <th>Trạng thái</th>
            <th>Phiếu của bạn</th>
            <th>Tiến độ của đoàn</th>
          </tr>
        </thead>
        <tbody>
          {data.dossiers.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={list('self-assessments', `/${row.id}`)}>{row.title}</a>
              </td>
              <td>{row.statusLabel}</td>
              <td>
                {row.ownReview ? (
                  <a href={list('reviews', `/${row.ownReview.id}`)}>Đã có phiếu — xem</a>
                ) : row.status === 'in-review' ? (
                  <CreateAndOpen collection="reviews" data={{ selfAssessment: row.id }} label="Tạo phiếu đánh giá" testId={`create-review-${row.id}`} />
                ) : (
                  'Chưa có phiếu'
                )}
              </td>
              <td>
                {row.progress.done}/{row.progress.expected} thành viên đã gửi phiếu
                {row.progress.excused > 0 ? ` (${row.progress.excused} tự rút vì xung đột lợi ích)` : ''}
                {row.isLead && row.status === 'in-review' ? <div className="dashboard-muted">Bạn là trưởng đoàn: kết thúc đánh giá trong hồ sơ khi đủ phiếu.</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
)

const AdminDashboard = ({ data }: { data: AdminDashboardData }) => (
  <>
    <h2>Các tỉnh</h2>
    {data.provinces.length === 0 ? <Empty>Chưa có cấp quản lý nào.</Empty> : null}
    <div className="dashboard-columns">
      {data.provinces.map((province) => (
        <section className="dashboard-card" data-testid={`province-${province.id}`} key={province.id}>
          <h3>{province.name}</h3>
          {province.rounds.length === 0 ? <Empty>Chưa có đợt đánh giá nào chưa kết thúc.</Empty> : null}
          {province.rounds.map((round) => (
            <div key={round.id}>
              <h4>
                <a href={list('rounds', `/${round.id}`)}>{round.title}</a>
              </h4>
              <Funnel round={round} />
            </div>
          ))}
        </section>
      ))}
    </div>
  </>
)

export const Dashboard = async (props: AdminViewServerProps) => {
  const { req } = props.initPageResult
  const data = await loadDashboard({ req })
  const name = (req.user as { name?: string | null } | null)?.name ?? req.user?.email ?? ''
  return (
    <Gutter className="dashboard dvht-dashboard">
      <h1 className="dashboard-title">Xin chào{name ? `, ${name}` : ''}</h1>
      {data === null ? <Empty>Tài khoản chưa được giao vai trò; liên hệ quản trị hệ thống.</Empty> : null}
      {data?.role === 'unit' ? <UnitDashboard data={data} /> : null}
      {data?.role === 'authority' ? <AuthorityDashboard data={data} /> : null}
      {data?.role === 'reviewer' ? <ReviewerDashboard data={data} /> : null}
      {data?.role === 'admin' ? <AdminDashboard data={data} /> : null}
    </Gutter>
  )
}
