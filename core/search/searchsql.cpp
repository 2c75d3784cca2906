#include "searchsql.h"

#include "search/phonenumber.h"

#include <QStringList>

namespace cv {

namespace {

// "?, ?, ?": the placeholders of a list filter (at most SearchQuery::kMaxListValues).
QString placeholders(int count)
{
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QVariant integer(qint64 value)
{
    return QVariant(static_cast<qlonglong>(value));
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

const QLatin1String
    kSelect("SELECT r.id, r.started_at_ms, r.ended_at_ms, r.duration_ms, r.direction, r.agent_id, "
            "COALESCE(a.name, ''), COALESCE(a.team, ''), r.customer_phone, r.sentiment, r.status, "
            "r.tier, r.size_bytes FROM ");

bool onlyRareStatuses(const SearchQuery &query)
{
    return !query.statuses.isEmpty() && !query.statuses.contains(RecordingStatus::Normal);
}

bool scoreFiltered(const SearchQuery &query)
{
    return query.minScore.has_value() || query.maxScore.has_value();
}

// Evaluated calls within a time range: the evaluations subquery is the best driver.
bool evaluatedInTimeRange(const SearchQuery &query)
{
    return (query.hasEvaluation == true || scoreFiltered(query)) && (query.from || query.to);
}

// SQLite plans without statistics: a catalog that never ran ANALYZE (SQLite has no
// autovacuum to do it) plans with fixed guesses, which, for instance, drive a team-scoped
// "newest first" page through the agent index and sort 40,000 rows instead of reading the
// time index backwards and stopping after one page (240 ms instead of 1 ms at a million
// recordings). So in SQLite the engine names the index that drives the query:
//  1. a phone filter: the phone index (a whole number, >= 3 leading or >= 4 trailing
//     digits is the most selective filter there is);
//  2. tags, explicit agents, an agent scope, or evaluated calls in a time range: none
//     (SQLite's own choice, the tag or evaluation subquery or the agent index, is the
//     right one);
//  3. only rare statuses (recovered, unfinished; ~1 % of calls): the status index;
//  4. a page sorted by time or duration: that order's index, read in order up to the page;
//  5. otherwise (counts, sentiment order): SQLite's choice.
// and marks the columns that are never selective enough to drive a query (direction,
// duration, sentiment, status 'normal') with a unary '+', which keeps SQLite from using
// their index for the WHERE clause. PostgreSQL plans from its statistics (autovacuum
// keeps them) and gets neither. docs/search.md, "Query plans".
QString sqliteDrivingIndex(const SearchQuery &query, const SearchScope &scope,
                           const SearchSort *sort)
{
    if (query.phone)
        return query.phone->match() == PhoneMatch::Suffix ? QStringLiteral("recordings_phone_rev")
                                                          : QStringLiteral("recordings_phone_norm");
    if (!query.tagIds.isEmpty() || !query.agentIds.isEmpty() ||
        scope.kind() == SearchScope::Kind::Agent || evaluatedInTimeRange(query))
        return QString();
    if (onlyRareStatuses(query))
        return QStringLiteral("recordings_status");
    if (sort && sort->key == SearchSort::Key::Time)
        return QStringLiteral("recordings_started_at");
    if (sort && sort->key == SearchSort::Key::Duration)
        return QStringLiteral("recordings_duration");
    return QString();
}

// The sort key column, from the enum only.
QString keyColumn(SearchSort::Key key)
{
    switch (key) {
    case SearchSort::Key::Time:
        return QStringLiteral("r.started_at_ms");
    case SearchSort::Key::Duration:
        return QStringLiteral("r.duration_ms");
    case SearchSort::Key::Sentiment:
        return QStringLiteral("r.sentiment");
    }
    return QStringLiteral("r.started_at_ms");
}

// " AND <alias>.started_at_ms >= ? AND <alias>.started_at_ms < ?" for the query's time
// range (either end optional), for subqueries on tables that copy the recording's start
// (recording_tags, evaluations): with it the subquery is an index range of its own table.
// It repeats the outer condition, so it never changes the result.
QString subqueryTimeRange(const SearchQuery &q, const QString &alias, QVariantList *values)
{
    QString sql;
    if (q.from) {
        sql += QStringLiteral(" AND %1.started_at_ms >= ?").arg(alias);
        values->append(integer(q.from->toMSecsSinceEpoch()));
    }
    if (q.to) {
        sql += QStringLiteral(" AND %1.started_at_ms < ?").arg(alias);
        values->append(integer(q.to->toMSecsSinceEpoch()));
    }
    return sql;
}

QString orderBy(const SearchSort &sort)
{
    const QString direction =
        sort.order == SearchSort::Order::Ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString nulls =
        sort.key == SearchSort::Key::Sentiment ? QStringLiteral(" NULLS LAST") : QString();
    return QStringLiteral(" ORDER BY ") + keyColumn(sort.key) + u' ' + direction + nulls +
           QStringLiteral(", r.id ") + direction;
}

} // namespace

SearchSqlBuilder::SearchSqlBuilder(Database::Kind kind, SearchScope scope, SentimentBands bands)
    : m_kind(kind), m_scope(std::move(scope)), m_bands(bands)
{
}

Result<void> SearchSqlBuilder::addFilters(const SearchQuery &q, SearchStatement *st,
                                          QStringList *where) const
{
    QVariantList &v = st->values;
    // A column whose index must not drive the query (SQLite only, see sqliteDrivingIndex).
    const auto weak = [this](const QString &column) {
        return m_kind == Database::Kind::Sqlite ? u'+' + column : column;
    };
    // The scope first: it is the searcher's, not a filter.
    switch (m_scope.kind()) {
    case SearchScope::Kind::All:
        break;
    case SearchScope::Kind::Teams:
        where->append(QStringLiteral("r.agent_id IN (SELECT sa.agent_id FROM agents sa "
                                     "WHERE sa.team IN (%1))")
                          .arg(placeholders(m_scope.teamIds().size())));
        for (const QString &team : m_scope.teamIds())
            v.append(text(team));
        break;
    case SearchScope::Kind::Agent:
        where->append(QStringLiteral("r.agent_id = ?"));
        v.append(text(m_scope.agentId()));
        break;
    }

    if (q.from) {
        where->append(QStringLiteral("r.started_at_ms >= ?"));
        v.append(integer(q.from->toMSecsSinceEpoch()));
    }
    if (q.to) {
        where->append(QStringLiteral("r.started_at_ms < ?"));
        v.append(integer(q.to->toMSecsSinceEpoch()));
    }
    if (!q.agentIds.isEmpty()) {
        where->append(QStringLiteral("r.agent_id IN (%1)").arg(placeholders(q.agentIds.size())));
        for (const QString &id : q.agentIds)
            v.append(text(id));
    }
    if (!q.agentName.isEmpty()) {
        // The agent directory is small (hundreds of rows): a substring scan of it is cheap.
        where->append(m_kind == Database::Kind::Sqlite
                          ? QStringLiteral("r.agent_id IN (SELECT na.agent_id FROM agents na "
                                           "WHERE instr(lower(na.name), ?) > 0)")
                          : QStringLiteral("r.agent_id IN (SELECT na.agent_id FROM agents na "
                                           "WHERE strpos(lower(na.name), ?) > 0)"));
        v.append(text(q.agentName.toLower()));
    }
    if (!q.teams.isEmpty()) {
        where->append(QStringLiteral("r.agent_id IN (SELECT ta.agent_id FROM agents ta "
                                     "WHERE ta.team IN (%1))")
                          .arg(placeholders(q.teams.size())));
        for (const QString &team : q.teams)
            v.append(text(team));
    }
    if (q.phone) {
        auto key = q.phone->key();
        if (!key)
            return key.error();
        if (q.phone->match() == PhoneMatch::Exact) {
            where->append(QStringLiteral("r.customer_phone_norm = ?"));
            v.append(key.value());
        } else {
            // A prefix of the number or of the reversed number: an index range, never LIKE.
            const QString column = q.phone->match() == PhoneMatch::Prefix
                                       ? QStringLiteral("r.customer_phone_norm")
                                       : QStringLiteral("r.customer_phone_rev");
            where->append(column + QStringLiteral(" >= ?"));
            v.append(key.value());
            const QString successor = PhoneNumber::prefixSuccessor(key.value());
            if (!successor.isEmpty()) {
                where->append(column + QStringLiteral(" < ?"));
                v.append(successor);
            }
        }
    }
    if (!q.directions.isEmpty()) {
        where->append(weak(QStringLiteral("r.direction")) +
                      QStringLiteral(" IN (%1)").arg(placeholders(q.directions.size())));
        for (Direction d : q.directions)
            v.append(directionToText(d));
    }
    if (q.minDurationMs) {
        where->append(weak(QStringLiteral("r.duration_ms")) + QStringLiteral(" >= ?"));
        v.append(integer(*q.minDurationMs));
    }
    if (q.maxDurationMs) {
        where->append(weak(QStringLiteral("r.duration_ms")) + QStringLiteral(" <= ?"));
        v.append(integer(*q.maxDurationMs));
    }
    if (q.minSentiment) {
        where->append(weak(QStringLiteral("r.sentiment")) + QStringLiteral(" >= ?"));
        v.append(*q.minSentiment);
    }
    if (q.maxSentiment) {
        where->append(weak(QStringLiteral("r.sentiment")) + QStringLiteral(" <= ?"));
        v.append(*q.maxSentiment);
    }
    if (q.sentimentLabel) {
        switch (*q.sentimentLabel) {
        case SentimentLabel::Negative:
            where->append(weak(QStringLiteral("r.sentiment")) + QStringLiteral(" < ?"));
            v.append(m_bands.negativeBelow);
            break;
        case SentimentLabel::Neutral:
            where->append(weak(QStringLiteral("r.sentiment")) + QStringLiteral(" >= ?"));
            v.append(m_bands.negativeBelow);
            where->append(weak(QStringLiteral("r.sentiment")) + QStringLiteral(" <= ?"));
            v.append(m_bands.positiveAbove);
            break;
        case SentimentLabel::Positive:
            where->append(weak(QStringLiteral("r.sentiment")) + QStringLiteral(" > ?"));
            v.append(m_bands.positiveAbove);
            break;
        }
    }
    if (!q.statuses.isEmpty()) {
        const QString status =
            onlyRareStatuses(q) ? QStringLiteral("r.status") : weak(QStringLiteral("r.status"));
        where->append(status + QStringLiteral(" IN (%1)").arg(placeholders(q.statuses.size())));
        for (RecordingStatus s : q.statuses)
            v.append(recordingStatusToText(s));
    }
    if (!q.tagIds.isEmpty()) {
        // recording_tags carries the recording's started_at_ms, so a tag within a time
        // range is one range of the (tag_id, started_at_ms) index.
        const auto addTagCondition = [&](int tagCount, const QVector<qint64> &ids) {
            QVariantList timeValues;
            const QString timeRange = subqueryTimeRange(q, QStringLiteral("rt"), &timeValues);
            where->append(QStringLiteral("r.id IN (SELECT rt.recording_id FROM recording_tags rt "
                                         "WHERE rt.tag_id IN (%1)%2)")
                              .arg(placeholders(tagCount), timeRange));
            for (qint64 id : ids)
                v.append(integer(id));
            v.append(timeValues);
        };
        if (q.tagMatch == TagMatch::Any) {
            addTagCondition(q.tagIds.size(), q.tagIds);
        } else {
            for (qint64 id : q.tagIds)
                addTagCondition(1, {id});
        }
    }
    addEvaluationFilter(q, st, where);
    return {};
}

void SearchSqlBuilder::addEvaluationFilter(const SearchQuery &q, SearchStatement *st,
                                           QStringList *where) const
{
    if (!q.hasEvaluation && !scoreFiltered(q))
        return;
    // Drafts never count. 'draft' is a constant of the SQL text, not a bound value, so that
    // both planners can match the partial index evaluations_counted (WHERE state <> 'draft',
    // migration 007) against it.
    QString conditions = QStringLiteral("e.state <> 'draft'");
    QVariantList &v = st->values;
    if (q.minScore) {
        conditions += QStringLiteral(" AND e.score >= ?");
        v.append(*q.minScore);
    }
    if (q.maxScore) {
        conditions += QStringLiteral(" AND e.score <= ?");
        v.append(*q.maxScore);
    }
    // A score range already means "has an evaluation" (validate() refuses it with "has
    // none"), so one subquery serves both filters.
    if (q.hasEvaluation == false) {
        // Nearly every call matches: probed per recording through evaluations_recording
        // while the recordings are read in order.
        where->append(QStringLiteral("NOT EXISTS (SELECT 1 FROM evaluations e WHERE "
                                     "e.recording_id = r.id AND ") +
                      conditions + u')');
        return;
    }
    if (evaluatedInTimeRange(q)) {
        // Evaluated calls of a time range: a range of evaluations_counted (evaluations copy
        // the recording's start). Written as IN because SQLite drives a query from an IN
        // subquery but never from a correlated EXISTS (it would read every recording of the
        // range and probe each); PostgreSQL plans both forms as the same semi-join.
        conditions += subqueryTimeRange(q, QStringLiteral("e"), &v);
        where->append(QStringLiteral("r.id IN (SELECT e.recording_id FROM evaluations e WHERE ") +
                      conditions + u')');
        return;
    }
    // No time range: the recordings are read in the page's order and each is probed; with 1
    // call in 20 evaluated a page is full long before an IN list of every evaluation in the
    // score range would be built and sorted (docs/search.md, "Query plans").
    where->append(QStringLiteral("EXISTS (SELECT 1 FROM evaluations e WHERE e.recording_id = r.id "
                                 "AND ") +
                  conditions + u')');
}

QString SearchSqlBuilder::recordingsTable(const SearchQuery &query, const SearchSort *sort) const
{
    QString table = QStringLiteral("recordings r");
    if (m_kind == Database::Kind::Sqlite) {
        const QString index = sqliteDrivingIndex(query, m_scope, sort);
        if (!index.isEmpty())
            table += QStringLiteral(" INDEXED BY ") + index;
    }
    return table;
}

void SearchSqlBuilder::addKeyset(const SearchSort &sort, const SearchCursor &after,
                                 SearchStatement *st, QStringList *where) const
{
    const bool ascending = sort.order == SearchSort::Order::Ascending;
    const QString beyond = ascending ? QStringLiteral(">") : QStringLiteral("<");
    const QString column = keyColumn(sort.key);
    const QString id = after.lastId().toString(QUuid::WithoutBraces);
    // (key, id) strictly after the cursor in the order, written so that the key column
    // alone bounds an index range: key <= k AND (key < k OR id < i) for descending.
    const QString keyset = column + u' ' + beyond + QStringLiteral("= ? AND (") + column + u' ' +
                           beyond + QStringLiteral(" ? OR r.id ") + beyond + QStringLiteral(" ?)");
    if (sort.key != SearchSort::Key::Sentiment) {
        where->append(keyset);
        const QVariant key = integer(after.lastKey().integer);
        st->values << key << key << id;
        return;
    }
    // Sentiment: NULLS LAST in both directions.
    if (after.lastKey().sentiment) {
        where->append(QStringLiteral("(r.sentiment IS NULL OR (") + keyset + QStringLiteral("))"));
        const double key = *after.lastKey().sentiment;
        st->values << key << key << id;
    } else {
        where->append(QStringLiteral("r.sentiment IS NULL AND r.id ") + beyond +
                      QStringLiteral(" ?"));
        st->values << id;
    }
}

Result<SearchStatement> SearchSqlBuilder::page(const SearchQuery &query, const SearchSort &sort,
                                               const SearchCursor *after, int limit) const
{
    SearchStatement st;
    QStringList where;
    if (auto r = addFilters(query, &st, &where); !r)
        return r.error();
    if (after)
        addKeyset(sort, *after, &st, &where);
    st.sql = kSelect + recordingsTable(query, &sort) +
             QStringLiteral(" LEFT JOIN agents a ON a.agent_id = r.agent_id");
    if (!where.isEmpty())
        st.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    st.sql += orderBy(sort) + QStringLiteral(" LIMIT ?");
    st.values.append(limit);
    return st;
}

Result<SearchStatement> SearchSqlBuilder::count(const SearchQuery &query) const
{
    SearchStatement st;
    QStringList where;
    if (auto r = addFilters(query, &st, &where); !r)
        return r.error();
    st.sql = QStringLiteral("SELECT COUNT(*) FROM ") + recordingsTable(query, nullptr);
    if (!where.isEmpty())
        st.sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    return st;
}

} // namespace cv
