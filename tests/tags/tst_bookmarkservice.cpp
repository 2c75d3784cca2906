// BookmarkService on both backends: recording.bookmark within the role's scope for adding,
// listing and removing, positions within the recording, texts stored exactly, anyone's
// bookmark removable by a person who may bookmark the call (the author has no right of
// their own), one audited denial per refusal and audit rows without the text.
#include "auth/useradmin.h"
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "tags/bookmarkservice.h"

#include <QTest>

using namespace cv;

class TestBookmarkService final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &role) const { return m_site.as(role); }
    BookmarkService service() { return BookmarkService(db(), m_site.clock.clock()); }
    void expectOneDenial(qint64 before, const QString &role, const QString &action,
                         const RecordingRow &recording);

    authtest::RoleSite m_site;

private slots:
    void supervisorAndEvaluatorBookmarkTheirTeamsCalls();
    void positionsWithinTheRecording();
    void textsAreStoredExactlyOrRefused();
    void otherRolesAndOtherTeamsAreRefused();
    void listingNeedsTheSamePermission();
    void removingAnyonesBookmarkInScope();
    void removingIsRefusedOutsideTheScope();
};

bool TestBookmarkService::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    return !siteId.isNull() && m_site.setUp(db(), siteId);
}

void TestBookmarkService::expectOneDenial(qint64 before, const QString &role, const QString &action,
                                          const RecordingRow &recording)
{
    const auto rows = authtest::auditRows(db(), before);
    QVERIFY2(rows.size() == 1,
             qPrintable(QStringLiteral("%1 %2: %3 rows").arg(role, action).arg(rows.size())));
    QCOMPARE(rows.first().actor, QStringLiteral("u_") + role);
    QCOMPARE(rows.first().action, action);
    QCOMPARE(rows.first().target, recording.id.toString(QUuid::WithoutBraces));
    QCOMPARE(rows.first().result, QStringLiteral("denied"));
}

void TestBookmarkService::supervisorAndEvaluatorBookmarkTheirTeamsCalls()
{
    QVERIFY(setUpSite());
    const qint64 before = authtest::lastAuditId(db());
    const auto first = service().add(as(QStringLiteral("supervisor")), m_site.inT1.id, 61000,
                                     QStringLiteral("客户要求退款"));
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    QVERIFY(first->id > 0);
    QCOMPARE(first->author, QStringLiteral("u_supervisor"));
    QCOMPARE(first->createdAtMs, m_site.clock.now);
    const auto second = service().add(as(QStringLiteral("qa_evaluator")), m_site.inT1.id, 5000,
                                      QStringLiteral("greeting missing"));
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).action, QStringLiteral("bookmark.add"));
    QCOMPARE(rows.at(0).result, QStringLiteral("allowed"));
    QCOMPARE(rows.at(0).target, m_site.inT1.id.toString(QUuid::WithoutBraces));
    QCOMPARE(rows.at(0).details,
             QStringLiteral("{\"bookmark\":%1,\"offsetMs\":61000}").arg(first->id));
    QCOMPARE(rows.at(1).actor, QStringLiteral("u_qa_evaluator"));
    for (const auto &row : rows)
        QVERIFY(!row.details.contains(QLatin1String("退款"))); // the note stays out of the trail
    const auto list = service().list(as(QStringLiteral("supervisor")), m_site.inT1.id);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).id, second->id); // by position
    QCOMPARE(list->at(1).text, QStringLiteral("客户要求退款"));
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

void TestBookmarkService::positionsWithinTheRecording()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    const qint64 duration = m_site.inT1.durationMs; // 93.25 s
    QVERIFY(service().add(sup, m_site.inT1.id, 0, QStringLiteral("start")).ok());
    QVERIFY(service().add(sup, m_site.inT1.id, duration, QStringLiteral("end")).ok());
    const qint64 before = authtest::lastAuditId(db());
    const auto late = service().add(sup, m_site.inT1.id, duration + 1, QStringLiteral("after"));
    QCOMPARE(late.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(late.errorMessage(),
             QStringLiteral("1:33.251 is after the end of recording %1 (it is 1:33.250 long).")
                 .arg(m_site.inT1.id.toString(QUuid::WithoutBraces)));
    const auto early = service().add(sup, m_site.inT1.id, -1, QStringLiteral("before"));
    QCOMPARE(early.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
    // Someone who may not bookmark learns nothing about the duration: refused first.
    const auto refused =
        service().add(as(QStringLiteral("agent")), m_site.inT1.id, duration + 1, QString());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(service().add(sup, QUuid::createUuid(), 0, QString()).error().code,
             ErrorCode::NotFound);
}

void TestBookmarkService::textsAreStoredExactlyOrRefused()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    const QStringList kept = {QString(), QStringLiteral("  leading and trailing  "),
                              QStringLiteral("line 1\r\nline 2\n\ttabbed"),
                              QStringLiteral("😀").repeated(2000), QString(2000, u'x')};
    for (const QString &text : kept) {
        const auto added = service().add(sup, m_site.inT1.id, 1000, text);
        QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
        const auto stored = BookmarkRepository(db()).find(added->id);
        QCOMPARE(stored.value()->text, text);
        QCOMPARE(stored.value()->text.toUtf8(), text.toUtf8());
    }
    const qint64 before = authtest::lastAuditId(db());
    const QStringList refusedTexts = {QString(2001, u'x'), QStringLiteral("a") + QChar(0),
                                      QString(QChar(0xd800)), QStringLiteral("\x1b[2J")};
    for (const QString &text : refusedTexts) {
        const auto refused = service().add(sup, m_site.inT1.id, 1000, text);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.errorMessage().startsWith(QLatin1String("A bookmark text ")));
    }
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
}

void TestBookmarkService::otherRolesAndOtherTeamsAreRefused()
{
    QVERIFY(setUpSite());
    for (const QString &role : {QStringLiteral("admin"), QStringLiteral("security_admin"),
                                QStringLiteral("auditor"), QStringLiteral("agent")}) {
        const qint64 before = authtest::lastAuditId(db());
        const auto refused = service().add(as(role), m_site.inT1.id, 0, QStringLiteral("x"));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(refused.errorMessage(),
                 QStringLiteral("Permission denied: u_%1 (role %1) may not bookmark recordings.")
                     .arg(role));
        expectOneDenial(before, role, QStringLiteral("bookmark.add"), m_site.inT1);
    }
    for (const QString &role : {QStringLiteral("supervisor"), QStringLiteral("qa_evaluator")}) {
        const qint64 before = authtest::lastAuditId(db());
        const auto refused = service().add(as(role), m_site.inT2.id, 0, QStringLiteral("x"));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        expectOneDenial(before, role, QStringLiteral("bookmark.add"), m_site.inT2);
    }
    QCOMPARE(authtest::countRows(db(), QStringLiteral("bookmarks")), qint64(0));
}

void TestBookmarkService::listingNeedsTheSamePermission()
{
    QVERIFY(setUpSite());
    QVERIFY(service()
                .add(as(QStringLiteral("supervisor")), m_site.inT1.id, 0, QStringLiteral("x"))
                .ok());
    // The agent may find and play their own call, but bookmarks are the reviewers' notes.
    for (const QString &role : {QStringLiteral("agent"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        QCOMPARE(service().list(as(role), m_site.inT1.id).error().code,
                 ErrorCode::PermissionDenied);
        expectOneDenial(before, role, QStringLiteral("bookmark.list"), m_site.inT1);
    }
    const qint64 before = authtest::lastAuditId(db());
    QCOMPARE(service().list(as(QStringLiteral("qa_evaluator")), m_site.inT1.id)->size(), 1);
    QCOMPARE(service().list(as(QStringLiteral("supervisor")), m_site.inT2.id).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("supervisor"), QStringLiteral("bookmark.list"),
                    m_site.inT2);
}

void TestBookmarkService::removingAnyonesBookmarkInScope()
{
    QVERIFY(setUpSite());
    const auto bySup =
        service().add(as(QStringLiteral("supervisor")), m_site.inT1.id, 2000, QStringLiteral("x"));
    QVERIFY(bySup.ok());
    // The agent (no recording.bookmark) may not, even on their own call.
    qint64 before = authtest::lastAuditId(db());
    QCOMPARE(service().remove(as(QStringLiteral("agent")), bySup->id).error().code,
             ErrorCode::PermissionDenied);
    expectOneDenial(before, QStringLiteral("agent"), QStringLiteral("bookmark.remove"),
                    m_site.inT1);
    // The team's evaluator may remove the supervisor's note.
    before = authtest::lastAuditId(db());
    const auto removed = service().remove(as(QStringLiteral("qa_evaluator")), bySup->id);
    QVERIFY2(removed.ok(), qPrintable(removed.errorMessage()));
    QCOMPARE(removed->author, QStringLiteral("u_supervisor"));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("bookmark.remove"));
    QCOMPARE(rows.first().actor, QStringLiteral("u_qa_evaluator"));
    QCOMPARE(rows.first().details,
             QStringLiteral("{\"author\":\"u_supervisor\",\"bookmark\":%1,\"offsetMs\":2000}")
                 .arg(bySup->id));
    QCOMPARE(authtest::countRows(db(), QStringLiteral("bookmarks")), qint64(0));
    // Gone: not found, and nothing audited.
    before = authtest::lastAuditId(db());
    QCOMPARE(service().remove(as(QStringLiteral("supervisor")), bySup->id).error().code,
             ErrorCode::NotFound);
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
}

void TestBookmarkService::removingIsRefusedOutsideTheScope()
{
    QVERIFY(setUpSite());
    const auto own =
        service().add(as(QStringLiteral("supervisor")), m_site.inT1.id, 0, QStringLiteral("mine"));
    QVERIFY(own.ok());
    // Moved to T2: the author may no longer touch the T1 call's notes, their own included.
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .setTeams(as(QStringLiteral("admin")), QStringLiteral("u_supervisor"),
                          {QStringLiteral("T2")})
                .ok());
    const qint64 before = authtest::lastAuditId(db());
    const auto refused = service().remove(as(QStringLiteral("supervisor")), own->id);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.errorMessage().contains(QLatin1String("outside the teams")),
             qPrintable(refused.errorMessage()));
    expectOneDenial(before, QStringLiteral("supervisor"), QStringLiteral("bookmark.remove"),
                    m_site.inT1);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("bookmarks")), qint64(1));
}

QTEST_GUILESS_MAIN(TestBookmarkService)
#include "tst_bookmarkservice.moc"
