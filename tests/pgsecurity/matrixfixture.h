#pragma once

#include "common/result.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>

class SecuredCatalog;

// The data and the probes of the table matrix (tests/pgsecurity/table-matrix.csv):
//   teams T1, T2, T3 (spare); agents A1 (T1), A2 (T2), A3 (T3, spare);
//   one user per default role, logged in as their own login role: "admin" (from the
//   provisioner) and u_<role>; supervisor and evaluator cover T1, u_agent is agent A1,
//   everyone else is in T2 (so that every user has a user_teams row of their own);
//   "spare" (an agent-role user without a login) and role spare_role: targets to change;
//   recordings R1 (A1) and R2 (A2) with keys, K1 (A1) and K2 (A2) without (for keys to be
//   added), tag links, bookmarks by every user on R1 and R2, an evaluation by u_qa_evaluator
//   on R1 and on R2, audit rows, one signed checkpoint and one login_throttle row.
// A probe tries one operation on one table; DML probes have one statement per target, the
// first inside the scopes of the scoped roles (A1/T1), the second outside (A2/T2) where a
// table has scope. Each runs in a transaction that is rolled back.
class MatrixFixture final
{
public:
    struct SelectProbe
    {
        QString table;
        QString key;       // SQL expression naming a row (text)
        QString inScope;   // WHERE condition for the rows a scoped user sees; $UID = user id
    };
    struct DmlProbe
    {
        QString table;
        QString operation;     // INSERT, UPDATE, DELETE
        QStringList statements; // one per target; $ME = the caller's user name (SQL)
    };

    explicit MatrixFixture(SecuredCatalog &catalog) : m_catalog(catalog) {}

    cv::Result<void> build();

    static QStringList roles(); // the default roles, as in the CSV
    static QString userOf(const QString &role) { return role == QLatin1String("admin") ? role : QStringLiteral("u_") + role; }
    QStringList tables() const;
    QVector<SelectProbe> selectProbes() const;
    QVector<DmlProbe> dmlProbes() const;
    qint64 userId(const QString &name) const { return m_userIds.value(name); }
    // R1: in the scope of the supervisor, the evaluator and the agent (A1, team T1).
    const QUuid &r1() const { return m_r1; }
    qint64 r1Started() const { return m_r1Started; }

private:
    cv::Result<void> addRecordings();
    cv::Result<void> addTrailAndThrottle();
    // A blind calibration session (migration 10; calibrationfixture.cpp): created by the
    // supervisor on R1, with the evaluator and `spare` as participants and spare's score.
    cv::Result<void> addCalibration();
    static QVector<SelectProbe> calibrationSelectProbes();
    QVector<DmlProbe> calibrationDmlProbes() const;
    // The recorder's captured_calls (migration 12; capturefixture.cpp): R1's call (A1) and a
    // call of A2 that was never recorded.
    cv::Result<void> addCapturedCalls();
    static QVector<SelectProbe> captureSelectProbes(const QString &visibleAgents);
    QVector<DmlProbe> captureDmlProbes() const;

    SecuredCatalog &m_catalog;
    QMap<QString, qint64> m_userIds;
    QUuid m_r1, m_r2, m_k1, m_k2;
    qint64 m_r1Started = 0;
    qint64 m_r2Started = 0;
};
