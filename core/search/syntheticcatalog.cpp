#include "syntheticcatalog.h"

#include "catalog/agentrepository.h"
#include "catalog/database.h"
#include "catalog/siterepository.h"
#include "catalog/transactionguard.h"
#include "search/phonenumber.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

namespace cv {

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kChinaOffsetMs = 8 * kHourMs;
constexpr int kRecordingsPerStatement = 100;
constexpr int kTagLinksPerStatement = 200;
constexpr int kEvaluationsPerStatement = 100;
constexpr double kEvaluatedShare = 0.05;       // calls with at least one evaluation
constexpr double kSecondEvaluationShare = 0.1; // of those, calls evaluated twice (calibration)
constexpr int kEvaluators = 12;

// Calls per hour of the (China) day, 08:00 to 21:59.
constexpr double kHourWeights[24] = {0,   0,   0,   0,   0,   0,   0,   0,    0.5,  1.0,  1.2, 1.1,
                                     0.6, 0.8, 1.1, 1.2, 1.1, 0.9, 0.5, 0.35, 0.25, 0.15, 0,   0};

const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                 "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
const char *const kGivenNames[] = {"伟", "芳", "娜", "敏",   "静", "丽", "强",
                                   "磊", "军", "洋", "勇",   "艳", "杰", "娟",
                                   "涛", "明", "超", "秀英", "霞", "平", "刚"};
const char *const kTagNames[] = {
    "投诉", "表扬",     "退款",     "升级处理",   "回访",     "销售机会", "账单问题", "技术支持",
    "VIP",  "质检抽查", "培训样例", "流失风险",   "合规风险", "信息变更", "密码重置", "物流查询",
    "预约", "取消订单", "投诉升级", "好评",       "差评",     "转人工",   "重复来电", "紧急",
    "法务", "媒体",     "营销",     "满意度调查", "新客户",   "老客户"};
const char *const kMobilePrefixes[] = {"130", "131", "132", "133", "134", "135", "136", "137",
                                       "138", "139", "150", "151", "152", "155", "157", "158",
                                       "159", "166", "176", "177", "180", "181", "182", "185",
                                       "186", "187", "188", "189", "191", "199"};
const char *const kAreaCodes[] = {"10",  "20",  "21",  "22",  "23",  "24",  "25",  "27",
                                  "28",  "29",  "571", "755", "512", "531", "532", "731",
                                  "871", "591", "351", "411", "451", "851", "898", "931"};

const QLatin1String kRecordingColumns(
    "id, site_id, started_at_ms, ended_at_ms, duration_ms, direction, agent_id, customer_phone, "
    "sentiment, status, tier, storage_path, size_bytes, sha256_hex, codec, sample_rate, "
    "channels, bitrate, peaks, created_at_ms");
constexpr int kRecordingColumnCount = 20;
const QLatin1String kTagLinkColumns("recording_id, tag_id, started_at_ms, tagged_by, tagged_at_ms");
constexpr int kTagLinkColumnCount = 5;
const QLatin1String kEvaluationColumns("recording_id, started_at_ms, form_id, form_version, "
                                       "evaluator, state, score, created_at_ms, submitted_at_ms");
constexpr int kEvaluationColumnCount = 9;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Multi-row INSERTs of `rowsPerStatement` rows through one prepared statement; the rest at
// the end through a statement of its own size.
class BatchInserter final
{
public:
    BatchInserter(Database &db, QString table, QString columns, int columnCount,
                  int rowsPerStatement)
        : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)),
          m_columnCount(columnCount), m_rowsPerStatement(rowsPerStatement)
    {
    }

    Result<void> add(const QVariantList &row)
    {
        m_pending.append(row);
        if (m_pending.size() < m_columnCount * m_rowsPerStatement)
            return {};
        if (!m_full) {
            auto prepared = prepare(m_rowsPerStatement);
            if (!prepared)
                return prepared.error();
            m_full = std::make_unique<QSqlQuery>(prepared.takeValue());
        }
        return execute(*m_full);
    }

    Result<void> flush()
    {
        if (m_pending.isEmpty())
            return {};
        auto prepared = prepare(static_cast<int>(m_pending.size() / m_columnCount));
        if (!prepared)
            return prepared.error();
        return execute(prepared.value());
    }

private:
    Result<QSqlQuery> prepare(int rows)
    {
        auto connection = m_db.openedConnection();
        if (!connection)
            return connection.error();
        QStringList marks;
        for (int i = 0; i < m_columnCount; ++i)
            marks.append(QStringLiteral("?"));
        const QString tuple = u'(' + marks.join(QStringLiteral(", ")) + u')';
        QStringList tuples;
        for (int i = 0; i < rows; ++i)
            tuples.append(tuple);
        QSqlQuery query(connection.value());
        if (!query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                               .arg(m_table, m_columns, tuples.join(QStringLiteral(", ")))))
            return makeError(ErrorCode::Database,
                             QStringLiteral("Could not prepare the %1 insert: %2")
                                 .arg(m_table, query.lastError().text()));
        return query;
    }

    Result<void> execute(QSqlQuery &query)
    {
        for (int i = 0; i < m_pending.size(); ++i)
            query.bindValue(i, m_pending.at(i));
        m_pending.clear();
        if (query.exec())
            return {};
        const QString why = query.lastError().text();
        TransactionGuard::holdFailedQuery(query);
        return makeError(ErrorCode::Database,
                         QStringLiteral("Could not insert into %1: %2").arg(m_table, why));
    }

    Database &m_db;
    QString m_table;
    QString m_columns;
    int m_columnCount;
    int m_rowsPerStatement;
    QVariantList m_pending;
    std::unique_ptr<QSqlQuery> m_full;
};

// Rows of a table that references recordings (tag links, evaluations): held until their
// recordings are written (the recordings inserter writes every kRecordingsPerStatement rows),
// then handed to their own BatchInserter.
class DependentRows final
{
public:
    DependentRows(Database &db, const QString &table, const QString &columns, int columnCount,
                  int rowsPerStatement)
        : m_inserter(db, table, columns, columnCount, rowsPerStatement)
    {
    }

    void hold(QVariantList row) { m_waiting.append(std::move(row)); }

    // The recordings of every held row are in the database now.
    Result<void> release()
    {
        for (const QVariantList &row : m_waiting) {
            if (auto r = m_inserter.add(row); !r)
                return r;
        }
        m_waiting.clear();
        return {};
    }

    Result<void> finish()
    {
        if (auto r = release(); !r)
            return r;
        return m_inserter.flush();
    }

private:
    BatchInserter m_inserter;
    QVector<QVariantList> m_waiting;
};

Result<void> execSql(Database &db, const QString &sql, const QVariantList &values)
{
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    if (!query.prepare(sql))
        return makeError(ErrorCode::Database,
                         sql + QStringLiteral(": ") + query.lastError().text());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return {};
    const QString why = query.lastError().text();
    TransactionGuard::holdFailedQuery(query);
    return makeError(ErrorCode::Database, sql + QStringLiteral(": ") + why);
}

QString digits(std::mt19937_64 &rng, int count)
{
    QString out;
    std::uniform_int_distribution<int> digit(0, 9);
    for (int i = 0; i < count; ++i)
        out.append(QChar(u'0' + digit(rng)));
    return out;
}

// One of the usual ways the number is written (as PBXs and people store it).
QString writtenForm(const QString &canonical, std::mt19937_64 &rng)
{
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    if (!canonical.startsWith(u'0')) { // mobile
        if (u < 0.45)
            return canonical;
        if (u < 0.65)
            return QStringLiteral("+86") + canonical;
        if (u < 0.73)
            return QStringLiteral("0086") + canonical;
        if (u < 0.78)
            return QStringLiteral("86") + canonical;
        if (u < 0.90)
            return canonical.left(3) + u'-' + canonical.mid(3, 4) + u'-' + canonical.mid(7);
        return QStringLiteral("+86 ") + canonical.left(3) + u' ' + canonical.mid(3, 4) + u' ' +
               canonical.mid(7);
    }
    // landline: 0 + area code (2 or 3 digits) + 8-digit subscriber number
    const int area = canonical.size() == 11 ? 2 : 3;
    const QString areaCode = canonical.mid(1, area);
    const QString subscriber = canonical.mid(1 + area);
    if (u < 0.5)
        return u'0' + areaCode + u'-' + subscriber;
    if (u < 0.7)
        return QStringLiteral("+86 ") + areaCode + u' ' + subscriber.left(4) + u' ' +
               subscriber.mid(4);
    if (u < 0.9)
        return canonical;
    return QStringLiteral("(0") + areaCode + QStringLiteral(") ") + subscriber.left(4) + u'-' +
           subscriber.mid(4);
}

QUuid randomUuid(std::mt19937_64 &rng)
{
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 a = rng();
    const quint64 b = rng();
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<char>(a >> (8 * i));
        bytes[8 + i] = static_cast<char>(b >> (8 * i));
    }
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes);
}

// The evaluations of one call (kEvaluatedShare of the calls get one, some of those two):
// scores spread over 40..100 (most calls pass, a few fail badly), one in ten still a draft
// without a score, the others in the later states of the QA workflow.
QVector<QVariantList> evaluationsOf(const QUuid &id, qint64 started, qint64 ended,
                                    std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> unit(0, 1);
    QVector<QVariantList> rows;
    if (unit(rng) >= kEvaluatedShare)
        return rows;
    const int count = unit(rng) < kSecondEvaluationShare ? 2 : 1;
    std::normal_distribution<double> score(80, 12);
    for (int i = 0; i < count; ++i) {
        const double s = unit(rng);
        const QString state = s < 0.10   ? QStringLiteral("draft")
                              : s < 0.60 ? QStringLiteral("submitted")
                              : s < 0.90 ? QStringLiteral("acknowledged")
                              : s < 0.95 ? QStringLiteral("disputed")
                                         : QStringLiteral("resolved");
        const bool draft = state == QLatin1String("draft");
        const qint64 created = ended + static_cast<qint64>((1 + 6 * unit(rng)) * kDayMs);
        const QVariant value =
            draft ? QVariant(QMetaType::fromType<double>())
                  : QVariant(std::round(std::clamp(score(rng), 40.0, 100.0) * 2) / 2);
        const QVariant submitted = draft ? QVariant(QMetaType::fromType<qlonglong>())
                                         : QVariant(static_cast<qlonglong>(
                                               created + static_cast<qint64>(unit(rng) * kHourMs)));
        rows.append({idText(id), static_cast<qlonglong>(started), QStringLiteral("bench-form"),
                     1 + static_cast<int>(rng() % 3),
                     QStringLiteral("qa%1").arg(1 + rng() % kEvaluators, 2, 10, QLatin1Char('0')),
                     state, value, static_cast<qlonglong>(created), submitted});
    }
    return rows;
}

} // namespace

SyntheticCatalog::SyntheticCatalog(Config config) : m_config(config)
{
    std::mt19937_64 rng(m_config.seed ^ 0x9e3779b97f4a7c15ULL);
    const qint64 customers = std::max<qint64>(1000, m_config.rows / 5);
    m_customers.reserve(static_cast<int>(customers));
    std::uniform_real_distribution<double> unit(0, 1);
    for (qint64 i = 0; i < customers; ++i) {
        if (unit(rng) < 0.8) {
            const char *prefix = kMobilePrefixes[rng() % std::size(kMobilePrefixes)];
            m_customers.append(QString::fromLatin1(prefix) + digits(rng, 8));
        } else {
            const char *area = kAreaCodes[rng() % std::size(kAreaCodes)];
            m_customers.append(u'0' + QString::fromLatin1(area) +
                               QChar(u'2' + static_cast<int>(rng() % 7)) + digits(rng, 7));
        }
    }
}

QString SyntheticCatalog::agentId(int index) const
{
    return QStringLiteral("A%1").arg(index + 1, 4, 10, QLatin1Char('0'));
}

QString SyntheticCatalog::teamId(int index) const
{
    return QStringLiteral("team-%1").arg(index + 1, 2, 10, QLatin1Char('0'));
}

QString SyntheticCatalog::tagName(int index) const
{
    const int n = static_cast<int>(std::size(kTagNames));
    const QString base = QString::fromUtf8(kTagNames[index % n]);
    return index < n ? base : base + QString::number(index / n + 1);
}

QDateTime SyntheticCatalog::firstTime() const
{
    return QDateTime(m_config.firstDay, QTime(0, 0), Qt::UTC).addMSecs(-kChinaOffsetMs);
}

QDateTime SyntheticCatalog::endTime() const
{
    return firstTime().addDays(m_config.days);
}

Result<void> SyntheticCatalog::generate(Database &db,
                                        const std::function<void(qint64, qint64)> &progress)
{
    const Config &c = m_config;
    if (c.rows < 1 || c.agents < 1 || c.teams < 1 || c.tags < 0 || c.days < 1)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("The benchmark catalog needs rows, agents, teams and days."));
    std::mt19937_64 rng(c.seed);

    // SQLite: a big page cache while the indexes fill (random ids land all over the
    // primary-key index), back to the default afterwards so searches run as on a site.
    const bool sqlite = db.kind() == Database::Kind::Sqlite;
    if (sqlite) {
        if (auto r = execSql(db, QStringLiteral("PRAGMA cache_size = -262144"), {}); !r)
            return r;
    }
    auto loaded = load(db, rng, progress);
    if (sqlite) {
        if (auto r = execSql(db, QStringLiteral("PRAGMA cache_size = -2000"), {}); !r)
            return r;
    }
    return loaded;
}

Result<void> SyntheticCatalog::load(Database &db, std::mt19937_64 &rng,
                                    const std::function<void(qint64, qint64)> &progress)
{
    const Config &c = m_config;
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> normal(0, 1);
    TransactionGuard transaction(db);
    if (!transaction.ok())
        return transaction.error();

    SiteRow site;
    site.id = randomUuid(rng);
    site.name = QStringLiteral("Search benchmark");
    site.x25519Public = QByteArray(32, '\x01');
    site.ed25519Public = QByteArray(32, '\x02');
    site.keyId = QStringLiteral("0").repeated(64);
    if (auto r = SiteRepository(db).insert(site); !r)
        return r;
    const qint64 createdMs = firstTime().toMSecsSinceEpoch();
    for (int t = 0; t < c.teams; ++t) {
        if (auto r = execSql(db,
                             QStringLiteral("INSERT INTO teams (id, name, created_at_ms) "
                                            "VALUES (?, ?, ?)"),
                             {teamId(t), QStringLiteral("客服%1组").arg(t + 1),
                              QVariant(static_cast<qlonglong>(createdMs))});
            !r)
            return r;
    }
    AgentRepository agents(db);
    for (int a = 0; a < c.agents; ++a) {
        const QString name =
            QString::fromUtf8(kSurnames[a % std::size(kSurnames)]) +
            QString::fromUtf8(
                kGivenNames[(a / std::size(kSurnames) + a * 7) % std::size(kGivenNames)]);
        if (auto r = agents.upsert({agentId(a), name, teamId(teamOfAgent(a))}); !r)
            return r;
    }
    QVector<qint64> tagIds;
    for (int t = 0; t < c.tags; ++t) {
        if (auto r = execSql(
                db,
                QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) "
                               "VALUES (?, ?, ?)"),
                {tagName(t), QStringLiteral("bench"), QVariant(static_cast<qlonglong>(createdMs))});
            !r)
            return r;
        auto connection = db.openedConnection();
        if (!connection)
            return connection.error();
        QSqlQuery id(connection.value());
        id.prepare(QStringLiteral("SELECT id FROM tags WHERE name = ?"));
        id.addBindValue(tagName(t));
        if (!id.exec() || !id.next())
            return makeError(ErrorCode::Database, QStringLiteral("Could not read a tag id back."));
        tagIds.append(id.value(0).toLongLong());
    }

    // Start times: a (day, hour) slot by weight (weekends quieter), then uniform inside it.
    QVector<double> cumulative;
    cumulative.reserve(c.days * 24);
    double total = 0;
    for (int d = 0; d < c.days; ++d) {
        const int weekday = c.firstDay.addDays(d).dayOfWeek();
        const double dayWeight = weekday == 6 ? 0.45 : weekday == 7 ? 0.3 : 1.0;
        for (int h = 0; h < 24; ++h) {
            total += dayWeight * kHourWeights[h];
            cumulative.append(total);
        }
    }
    QVector<qint64> starts(static_cast<int>(c.rows));
    const qint64 origin = firstTime().toMSecsSinceEpoch();
    for (qint64 &start : starts) {
        const double pick = unit(rng) * total;
        const int slot = static_cast<int>(
            std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
        const int safeSlot = std::min(slot, static_cast<int>(cumulative.size()) - 1);
        start = origin + safeSlot * kHourMs + static_cast<qint64>(unit(rng) * kHourMs);
    }
    std::sort(starts.begin(), starts.end());

    BatchInserter recordings(db, QStringLiteral("recordings"), kRecordingColumns,
                             kRecordingColumnCount, kRecordingsPerStatement);
    DependentRows links(db, QStringLiteral("recording_tags"), kTagLinkColumns, kTagLinkColumnCount,
                        kTagLinksPerStatement);
    DependentRows evaluations(db, QStringLiteral("evaluations"), kEvaluationColumns,
                              kEvaluationColumnCount, kEvaluationsPerStatement);
    // Evaluations draw from a generator of their own, so the recordings and tags stay what
    // they were before evaluations were generated (the figures in the README compare).
    std::mt19937_64 evaluationRng(c.seed ^ 0x5eed0e7a1ULL);
    const QString siteId = idText(site.id);
    const QString sha = QStringLiteral("5e").repeated(32);
    const QByteArray peaks(16, '\x40');
    const QVariant noSentiment(QMetaType::fromType<double>());
    const int customerCount = static_cast<int>(m_customers.size());
    for (qint64 i = 0; i < c.rows; ++i) {
        const QUuid id = randomUuid(rng);
        const qint64 started = starts.at(static_cast<int>(i));
        const double seconds =
            std::clamp(std::exp(std::log(150.0) + 0.9 * normal(rng)), 5.0, 7200.0);
        const qint64 duration = static_cast<qint64>(seconds * 1000);
        const double d = unit(rng);
        const QString direction = d < 0.70   ? QStringLiteral("in")
                                  : d < 0.98 ? QStringLiteral("out")
                                             : QStringLiteral("internal");
        const int agent = static_cast<int>(rng() % static_cast<quint64>(c.agents));
        QString phone;
        if (direction == QLatin1String("internal")) {
            phone = u'8' + digits(rng, 3);
        } else {
            // Some customers call far more often than others.
            const int customer = std::min(
                customerCount - 1, static_cast<int>(customerCount * std::pow(unit(rng), 1.6)));
            phone = writtenForm(m_customers.at(customer), rng);
        }
        QVariant sentiment = noSentiment;
        if (unit(rng) < 0.9)
            sentiment = std::round(std::clamp(0.1 + 0.35 * normal(rng), -1.0, 1.0) * 1000) / 1000;
        const double s = unit(rng);
        const QString status = s < 0.006   ? QStringLiteral("recovered")
                               : s < 0.010 ? QStringLiteral("unfinished")
                                           : QStringLiteral("normal");
        const QDate day = QDateTime::fromMSecsSinceEpoch(started, Qt::UTC).date();
        const QString path = QStringLiteral("hot/%1/%2.cvr")
                                 .arg(day.toString(QStringLiteral("yyyy/MM/dd")), idText(id));
        const QVariantList row = {idText(id),
                                  siteId,
                                  static_cast<qlonglong>(started),
                                  static_cast<qlonglong>(started + duration),
                                  static_cast<qlonglong>(duration),
                                  direction,
                                  agentId(agent),
                                  phone,
                                  sentiment,
                                  status,
                                  QStringLiteral("hot"),
                                  path,
                                  static_cast<qlonglong>(duration * 4),
                                  sha,
                                  QStringLiteral("opus"),
                                  8000,
                                  2,
                                  32000,
                                  peaks,
                                  static_cast<qlonglong>(started + duration + 2000)};
        if (auto r = recordings.add(row); !r)
            return r;
        if (!tagIds.isEmpty() && unit(rng) < 0.15) {
            const int count = unit(rng) < 0.8 ? 1 : 2;
            int previous = -1;
            for (int t = 0; t < count; ++t) {
                const int tag =
                    std::min(static_cast<int>(tagIds.size()) - 1,
                             static_cast<int>(tagIds.size() * std::pow(unit(rng), 1.5)));
                if (tag == previous)
                    continue;
                previous = tag;
                links.hold({idText(id), QVariant(static_cast<qlonglong>(tagIds.at(tag))),
                            static_cast<qlonglong>(started), QStringLiteral("bench"),
                            static_cast<qlonglong>(started + duration + 60000)});
            }
        }
        for (QVariantList &evaluation :
             evaluationsOf(id, started, started + duration, evaluationRng))
            evaluations.hold(std::move(evaluation));
        // Both reference recordings: they go in once their recordings are in.
        if ((i + 1) % kRecordingsPerStatement == 0) {
            if (auto r = links.release(); !r)
                return r;
            if (auto r = evaluations.release(); !r)
                return r;
        }
        if (progress && (i + 1) % 50000 == 0)
            progress(i + 1, c.rows);
    }
    if (auto r = recordings.flush(); !r)
        return r;
    if (auto r = links.finish(); !r)
        return r;
    if (auto r = evaluations.finish(); !r)
        return r;
    return transaction.commit();
}

} // namespace cv
