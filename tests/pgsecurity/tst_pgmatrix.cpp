// The role x table x operation matrix of a secured PostgreSQL catalog
// (tests/pgsecurity/table-matrix.csv, docs/postgres-security.md): for every default role,
// the real psql logged in as that role's user over TLS (sslmode=verify-full) tries SELECT,
// INSERT, UPDATE and DELETE on every table, and what happens must be what the file says:
//   allow   the statement works on every row / every target;
//   scoped  it works only inside the user's scope: a SELECT returns exactly the rows the
//           scope rule gives (written again in MatrixFixture, independently of the server's
//           functions), a change works on the target in scope and not on the one outside;
//   deny    it fails with "insufficient privilege" or reaches no row.
// Any other outcome (another error, rows outside the scope) is a mismatch too. The rules of
// a row that the matrix cannot express (evaluations under one's own name) follow it.
#include "matrixfixture.h"
#include "securedcatalog.h"

#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace cv;

namespace {

struct Expectation
{
    int line = 0;
    QString expected;
};

// role/table/operation -> expectation
QMap<QString, Expectation> readMatrix(QString *error)
{
    QMap<QString, Expectation> rows;
    QFile file(qEnvironmentVariable("CALLVAULT_PG_TABLE_MATRIX"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read CALLVAULT_PG_TABLE_MATRIX=%1").arg(file.fileName());
        return {};
    }
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        if (text.isEmpty() || text.startsWith(u'#') || text.startsWith(QLatin1String("role,")))
            continue;
        const QStringList f = text.split(u',');
        static const QStringList ops = {QStringLiteral("SELECT"), QStringLiteral("INSERT"),
                                        QStringLiteral("UPDATE"), QStringLiteral("DELETE")};
        static const QStringList outcomes = {QStringLiteral("allow"), QStringLiteral("deny"),
                                             QStringLiteral("scoped")};
        if (f.size() != 4 || !ops.contains(f[2]) || !outcomes.contains(f[3])) {
            *error = QStringLiteral("line %1 is not role,table,SELECT|INSERT|UPDATE|DELETE,"
                                    "allow|deny|scoped: %2")
                         .arg(line)
                         .arg(text);
            return {};
        }
        const QString key = f[0] + u'/' + f[1] + u'/' + f[2];
        if (rows.contains(key)) {
            *error = QStringLiteral("line %1 repeats %2").arg(line).arg(key);
            return {};
        }
        rows.insert(key, {line, f[3]});
    }
    return rows;
}

QSet<QString> keySet(const QString &joined)
{
    const QStringList list = joined.split(u',', Qt::SkipEmptyParts);
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

class TestPgMatrix final : public QObject
{
    Q_OBJECT

private:
    QString scriptFor(const QString &role) const;
    // Superuser: the keys of every row of a table, or of the rows in a user's scope.
    QString keysOf(const MatrixFixture::SelectProbe &probe, qint64 userId = 0);

    std::unique_ptr<SecuredCatalog> m_catalog;
    std::unique_ptr<MatrixFixture> m_fixture;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyRoleOnEveryTable();
    void evaluationsUnderOwnNameOnly();
};

void TestPgMatrix::initTestCase()
{
    m_catalog = std::make_unique<SecuredCatalog>();
    const auto created = m_catalog->create();
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    m_fixture = std::make_unique<MatrixFixture>(*m_catalog);
    const auto built = m_fixture->build();
    QVERIFY2(built.ok(), qPrintable(built.errorMessage()));
}

void TestPgMatrix::cleanupTestCase()
{
    m_fixture.reset();
    m_catalog.reset();
}

QString TestPgMatrix::keysOf(const MatrixFixture::SelectProbe &probe, qint64 userId)
{
    QString where = probe.inScope;
    where.replace(QLatin1String("$UID"), QString::number(userId));
    const QString sql = QStringLiteral("SELECT COALESCE(string_agg(k, ',' ORDER BY k), '') FROM "
                                       "(SELECT %1 AS k FROM %2 %3) s")
                            .arg(probe.key, probe.table,
                                 userId == 0 ? QString() : QStringLiteral("WHERE ") + where);
    auto keys = m_catalog->scalar(sql);
    [&] { QVERIFY2(keys.ok(), qPrintable(keys.errorMessage())); }();
    return keys ? keys->toString() : QString();
}

QString TestPgMatrix::scriptFor(const QString &role) const
{
    Q_UNUSED(role);
    QString s;
    s += QStringLiteral("SELECT 'WHO ' || name || ' ' || role FROM cv_whoami();\n");
    for (const auto &probe : m_fixture->selectProbes()) {
        s += QStringLiteral("\\set keys ''\n");
        s += QStringLiteral("SELECT COALESCE(string_agg(k, ',' ORDER BY k), '') AS keys FROM "
                            "(SELECT %1 AS k FROM %2) s \\gset\n")
                 .arg(probe.key, probe.table);
        s += QStringLiteral("\\echo RESULT %1 SELECT 0 :ERROR :SQLSTATE :keys\n").arg(probe.table);
    }
    const QString me = QStringLiteral("(SELECT name FROM cv_whoami())");
    for (const auto &probe : m_fixture->dmlProbes()) {
        for (int i = 0; i < probe.statements.size(); ++i) {
            QString statement = probe.statements.at(i);
            statement.replace(QLatin1String("$ME"), me);
            s += QStringLiteral("BEGIN;\n") + statement + QStringLiteral(";\n");
            s += QStringLiteral("\\echo RESULT %1 %2 %3 :ERROR :SQLSTATE :ROW_COUNT\nROLLBACK;\n")
                     .arg(probe.table, probe.operation)
                     .arg(i);
        }
    }
    return s;
}

void TestPgMatrix::everyRoleOnEveryTable()
{
    QString error;
    const QMap<QString, Expectation> matrix = readMatrix(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Every role x table x operation is in the file, and nothing else.
    const QStringList roles = MatrixFixture::roles();
    const QStringList tables = m_fixture->tables();
    QCOMPARE(matrix.size(), roles.size() * tables.size() * 4);
    for (const QString &key : matrix.keys()) {
        const QStringList parts = key.split(u'/');
        QVERIFY2(roles.contains(parts[0]) && tables.contains(parts[1]), qPrintable(key));
    }
    // What exists, as the superuser sees it (nothing changes while the matrix runs: every
    // change is rolled back).
    QMap<QString, QSet<QString>> all;
    for (const auto &probe : m_fixture->selectProbes()) {
        all.insert(probe.table, keySet(keysOf(probe)));
        QVERIFY2(!all.value(probe.table).isEmpty(),
                 qPrintable(QStringLiteral("the fixture left %1 empty").arg(probe.table)));
    }

    QStringList mismatches;
    int checked = 0;
    for (const QString &role : roles) {
        const QString user = MatrixFixture::userOf(role);
        const auto run = m_catalog->psql(m_catalog->loginRole(user),
                                         user == QLatin1String("admin")
                                             ? SecuredCatalog::adminPassword()
                                             : SecuredCatalog::passwordOf(user),
                                         scriptFor(role));
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("psql as %1 failed (%2): %3")
                                                   .arg(user)
                                                   .arg(run.exitCode)
                                                   .arg(run.err.left(2000))));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("WHO %1 %2").arg(user, role)),
                 qPrintable(QStringLiteral("psql as %1 is not that user: %2").arg(user, run.out.left(300))));
        // table/op -> per target: "ok", "none" (no row, no error) or "error <sqlstate>"
        QMap<QString, QStringList> outcomes;
        QMap<QString, QSet<QString>> seen;
        for (const QString &line : lines) {
            if (!line.startsWith(QLatin1String("RESULT ")))
                continue;
            const QStringList f = line.split(u' ');
            if (f.size() < 6)
                continue;
            const QString key = f[1] + u'/' + f[2];
            const bool failed = f[4] == QLatin1String("true");
            if (f[2] == QLatin1String("SELECT")) {
                seen.insert(f[1], keySet(f.value(6)));
                outcomes[key] << (failed ? QStringLiteral("error ") + f[5] : QStringLiteral("ok"));
            } else {
                outcomes[key] << (failed ? QStringLiteral("error ") + f[5]
                                         : f.value(6).toInt() > 0 ? QStringLiteral("ok")
                                                                  : QStringLiteral("none"));
            }
        }
        const qint64 uid = m_fixture->userId(user);
        for (const auto &probe : m_fixture->selectProbes()) {
            const QString table = probe.table;
            for (const QString &op : {QStringLiteral("SELECT"), QStringLiteral("INSERT"),
                                      QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
                const Expectation expected = matrix.value(role + u'/' + table + u'/' + op);
                const QStringList results = outcomes.value(table + u'/' + op);
                QString actual;
                QString detail;
                if (results.isEmpty()) {
                    actual = QStringLiteral("missing output");
                } else if (op == QLatin1String("SELECT")) {
                    const QSet<QString> rows = seen.value(table);
                    if (results.first() != QLatin1String("ok"))
                        actual = results.first() == QLatin1String("error 42501")
                                     ? QStringLiteral("deny")
                                     : results.first();
                    else if (rows.isEmpty())
                        actual = QStringLiteral("deny");
                    else if (rows == all.value(table))
                        actual = QStringLiteral("allow");
                    else if (!probe.inScope.isEmpty() && rows == keySet(keysOf(probe, uid)))
                        actual = QStringLiteral("scoped");
                    else
                        actual = QStringLiteral("wrong rows");
                    if (actual != expected.expected)
                        detail = QStringList(rows.begin(), rows.end()).join(u',').left(300);
                } else {
                    int ok = 0;
                    for (const QString &r : results) {
                        if (r == QLatin1String("ok"))
                            ++ok;
                        else if (r != QLatin1String("none") && r != QLatin1String("error 42501"))
                            actual = r; // another error: the probe or the setup is wrong
                    }
                    if (actual.isEmpty())
                        actual = ok == 0                ? QStringLiteral("deny")
                                 : ok == results.size() ? QStringLiteral("allow")
                                                        : QStringLiteral("scoped");
                    detail = results.join(u',');
                }
                ++checked;
                if (actual != expected.expected)
                    mismatches << QStringLiteral("line %1: %2 %3 %4: expected %5, got %6 (%7)")
                                      .arg(expected.line)
                                      .arg(role, op, table, expected.expected, actual, detail);
            }
        }
    }
    QCOMPARE(checked, matrix.size());
    qInfo("%d cells checked, %lld mismatches", checked, static_cast<long long>(mismatches.size()));
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
}

void TestPgMatrix::evaluationsUnderOwnNameOnly()
{
    // What the matrix cannot show: on a recording the evaluator may score, an evaluation is
    // written only under their own name, with the recording's start, and changed only in
    // its state, score and submission time, and only their own.
    const QString r1 = m_fixture->r1().toString(QUuid::WithoutBraces);
    const qint64 started = m_fixture->r1Started();
    QVERIFY(m_catalog
                ->exec(QStringLiteral("INSERT INTO evaluations (recording_id, "
                                      "started_at_ms, form_id, form_version, evaluator, "
                                      "state, score, created_at_ms, submitted_at_ms) VALUES "
                                      "(?, ?, 'other', 1, 'u_supervisor', 'submitted', 50, "
                                      "0, 0)"),
                       {r1, started})
                .ok());
    auto evaluator = m_catalog->connectAs(QStringLiteral("u_qa_evaluator"));
    QVERIFY2(evaluator.ok(), qPrintable(evaluator.errorMessage()));
    Database &db = *evaluator.value();
    const QString insert =
        QStringLiteral("INSERT INTO evaluations (%1recording_id, started_at_ms, form_id, "
                       "form_version, evaluator, state, created_at_ms) VALUES (%2?, ?, 'f', 1, ?, "
                       "'draft', 0) RETURNING 'inserted'");
    const auto insertAs = [&](const QString &name, qint64 start) {
        return SecuredCatalog::outcome(db, insert.arg(QString(), QString()), {r1, start, name});
    };
    const QString denied = QStringLiteral("error 42501");
    QCOMPARE(insertAs(QStringLiteral("u_supervisor"), started), denied);
    QCOMPARE(insertAs(QStringLiteral("u_qa_evaluator"), started + 1), denied);
    QCOMPARE(SecuredCatalog::outcome(db, insert.arg(QStringLiteral("id, "), QStringLiteral("1, ")),
                                     {r1, started, QStringLiteral("u_qa_evaluator")}),
             denied); // ids come from the sequence
    const auto updated = [&](const QString &set, const QString &who) {
        return SecuredCatalog::outcome(
            db,
            QStringLiteral("WITH u AS (UPDATE evaluations SET %1 WHERE recording_id = ? AND "
                           "evaluator = ? RETURNING 1) SELECT count(*) FROM u")
                .arg(set),
            {r1, who});
    };
    QCOMPARE(updated(QStringLiteral("score = 10"), QStringLiteral("u_supervisor")),
             QStringLiteral("0")); // someone else's
    for (const QString &set :
         {QStringLiteral("evaluator = 'u_supervisor'"), QStringLiteral("started_at_ms = 0"),
          QStringLiteral("recording_id = recording_id"), QStringLiteral("form_version = 2")})
        QCOMPARE(updated(set, QStringLiteral("u_qa_evaluator")), denied);
    QCOMPARE(SecuredCatalog::outcome(db, QStringLiteral("DELETE FROM evaluations WHERE "
                                                        "evaluator = 'u_qa_evaluator'")),
             denied);
    // The supervisor sees the call but holds no recording.score.
    auto supervisor = m_catalog->connectAs(QStringLiteral("u_supervisor"));
    QVERIFY2(supervisor.ok(), qPrintable(supervisor.errorMessage()));
    QCOMPARE(SecuredCatalog::outcome(*supervisor.value(), insert.arg(QString(), QString()),
                                     {r1, started, QStringLiteral("u_supervisor")}),
             denied);
    // Nothing changed: one evaluation by the evaluator, one by the supervisor (the fixture's
    // and this test's) on R1.
    QCOMPARE(
        m_catalog
            ->scalar(QStringLiteral("SELECT string_agg(evaluator || ':' || score, ',' ORDER BY "
                                    "evaluator) FROM evaluations WHERE recording_id = ?"),
                     {r1})
            ->toString(),
        QStringLiteral("u_qa_evaluator:75,u_supervisor:50"));
    QVERIFY(
        m_catalog->exec(QStringLiteral("DELETE FROM evaluations WHERE evaluator = 'u_supervisor'"))
            .ok());
}

QTEST_GUILESS_MAIN(TestPgMatrix)
#include "tst_pgmatrix.moc"
