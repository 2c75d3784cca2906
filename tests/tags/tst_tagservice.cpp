// TagService on both backends: who may tag, untag and read tags (recording.tag /
// recording.search within the role's scope), one audited denial per refusal, one audited row
// per tag that changed and none for a change that changed nothing, names checked before
// anything happens, and permission changes that count at once.
#include "auth/roleadmin.h"
#include "auth/useradmin.h"
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "tags/tagservice.h"

#include <QTest>

using namespace cv;

class TestTagService final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &role) const { return m_site.as(role); }
    TagService service() { return TagService(db(), m_site.clock.clock()); }
    QStringList tagNamesOf(const RecordingRow &recording);
    // Checks that exactly one 'denied' row by `role` with `action` on `target` was written
    // after `before`.
    void expectOneDenial(qint64 before, const QString &role, const QString &action,
                         const QString &target);

    authtest::RoleSite m_site;

private slots:
    void supervisorTagsCallsOfTheTeam();
    void taggingTwiceChangesNothing();
    void everyOtherRoleIsRefused();
    void callsOutsideTheScopeAreRefused();
    void untagging();
    void readingTags();
    void namesForCompletion();
    void badNamesAreRefusedBeforeAnything();
    void revokedPermissionCountsAtOnce();
};

bool TestTagService::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    return !siteId.isNull() && m_site.setUp(db(), siteId);
}

QStringList TestTagService::tagNamesOf(const RecordingRow &recording)
{
    QStringList names;
    const auto tags = TagRepository(db()).tagsOf(recording.id);
    for (const RecordingTagRow &t : tags.value())
        names.append(t.tag.name);
    return names;
}

void TestTagService::expectOneDenial(qint64 before, const QString &role, const QString &action,
                                     const QString &target)
{
    const auto rows = authtest::auditRows(db(), before);
    QVERIFY2(rows.size() == 1,
             qPrintable(QStringLiteral("%1 %2: %3 rows").arg(role, action).arg(rows.size())));
    QCOMPARE(rows.first().actor, QStringLiteral("u_") + role);
    QCOMPARE(rows.first().action, action);
    QCOMPARE(rows.first().target, target);
    QCOMPARE(rows.first().result, QStringLiteral("denied"));
}

void TestTagService::supervisorTagsCallsOfTheTeam()
{
    QVERIFY(setUpSite());
    const qint64 before = authtest::lastAuditId(db());
    const auto changes =
        service().tag(as(QStringLiteral("supervisor")), m_site.inT1.id,
                      {QStringLiteral("VIP"), QStringLiteral(" 投诉 "), QStringLiteral("vip")});
    QVERIFY2(changes.ok(), qPrintable(changes.errorMessage()));
    QCOMPARE(changes->size(), 2); // "vip" is "VIP"
    QCOMPARE(changes->at(0).name, QStringLiteral("VIP"));
    QVERIFY(changes->at(0).changed && changes->at(0).newTag);
    QCOMPARE(changes->at(1).name, QStringLiteral("投诉"));
    QCOMPARE(tagNamesOf(m_site.inT1), (QStringList{QStringLiteral("VIP"), QStringLiteral("投诉")}));
    // One 'allowed' row per tag, on the recording, naming the tag.
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 2);
    const QString target = m_site.inT1.id.toString(QUuid::WithoutBraces);
    for (const auto &row : rows) {
        QCOMPARE(row.action, QStringLiteral("recording.tag"));
        QCOMPARE(row.result, QStringLiteral("allowed"));
        QCOMPARE(row.actor, QStringLiteral("u_supervisor"));
        QCOMPARE(row.target, target);
    }
    QCOMPARE(rows.at(0).details, QStringLiteral("{\"newTag\":true,\"tag\":\"VIP\"}"));
    QCOMPARE(rows.at(1).details, QStringLiteral("{\"newTag\":true,\"tag\":\"投诉\"}"));
    // The tag row names who created it; the link who tagged and when.
    const auto tags = TagRepository(db()).tagsOf(m_site.inT1.id).value();
    QCOMPARE(tags.first().tag.createdBy, QStringLiteral("u_supervisor"));
    QCOMPARE(tags.first().taggedBy, QStringLiteral("u_supervisor"));
    QCOMPARE(tags.first().taggedAtMs, m_site.clock.now);
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

void TestTagService::taggingTwiceChangesNothing()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    QVERIFY(service().tag(sup, m_site.inT1.id, {QStringLiteral("VIP")}).ok());
    const qint64 before = authtest::lastAuditId(db());
    const auto again = service().tag(sup, m_site.inT1.id, {QStringLiteral("Vip")});
    QVERIFY(again.ok());
    QCOMPARE(again->size(), 1);
    QVERIFY(!again->first().changed);
    QVERIFY(!again->first().newTag);
    QCOMPARE(again->first().name, QStringLiteral("VIP"));
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
    // An existing tag on another call: linked, not new.
    const auto other =
        service().tag(as(QStringLiteral("supervisor")), m_site.inT1.id, {QStringLiteral("new")});
    QVERIFY(other.ok() && other->first().newTag);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("tags")), qint64(2));
}

void TestTagService::everyOtherRoleIsRefused()
{
    QVERIFY(setUpSite());
    const QString target = m_site.inT1.id.toString(QUuid::WithoutBraces);
    for (const QString &role :
         {QStringLiteral("admin"), QStringLiteral("security_admin"), QStringLiteral("auditor"),
          QStringLiteral("qa_evaluator"), QStringLiteral("agent")}) {
        const qint64 before = authtest::lastAuditId(db());
        const auto refused = service().tag(as(role), m_site.inT1.id, {QStringLiteral("VIP")});
        QVERIFY2(!refused.ok(), qPrintable(role));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(refused.errorMessage(), QStringLiteral("Permission denied: u_%1 (role %1) may not "
                                                        "tag recordings.")
                                             .arg(role));
        expectOneDenial(before, role, QStringLiteral("recording.tag"), target);
        const qint64 mark = authtest::lastAuditId(db());
        QVERIFY(!service().untag(as(role), m_site.inT1.id, {QStringLiteral("VIP")}).ok());
        expectOneDenial(mark, role, QStringLiteral("recording.untag"), target);
    }
    QCOMPARE(authtest::countRows(db(), QStringLiteral("tags")), qint64(0));
    QCOMPARE(authtest::countRows(db(), QStringLiteral("recording_tags")), qint64(0));
}

void TestTagService::callsOutsideTheScopeAreRefused()
{
    QVERIFY(setUpSite());
    const QString target = m_site.inT2.id.toString(QUuid::WithoutBraces);
    const qint64 before = authtest::lastAuditId(db());
    const auto refused =
        service().tag(as(QStringLiteral("supervisor")), m_site.inT2.id, {QStringLiteral("VIP")});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.errorMessage().contains(QLatin1String("outside the teams of u_supervisor")),
             qPrintable(refused.errorMessage()));
    expectOneDenial(before, QStringLiteral("supervisor"), QStringLiteral("recording.tag"), target);
    QVERIFY(tagNamesOf(m_site.inT2).isEmpty());
    QCOMPARE(authtest::countRows(db(), QStringLiteral("tags")), qint64(0)); // none created
    // An unknown recording is not found (nothing to check a scope against).
    const auto missing =
        service().tag(as(QStringLiteral("supervisor")), QUuid::createUuid(), {QStringLiteral("x")});
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestTagService::untagging()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    QVERIFY(
        service().tag(sup, m_site.inT1.id, {QStringLiteral("VIP"), QStringLiteral("投诉")}).ok());
    const qint64 before = authtest::lastAuditId(db());
    const auto removed = service().untag(
        sup, m_site.inT1.id,
        {QStringLiteral("vip"), QStringLiteral("never-used"), QStringLiteral("VIP")});
    QVERIFY2(removed.ok(), qPrintable(removed.errorMessage()));
    QCOMPARE(removed->size(), 2);
    QCOMPARE(removed->at(0).name, QStringLiteral("VIP"));
    QVERIFY(removed->at(0).changed);
    QCOMPARE(removed->at(1).name, QStringLiteral("never-used"));
    QVERIFY(!removed->at(1).changed);
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("recording.untag"));
    QCOMPARE(rows.first().details, QStringLiteral("{\"tag\":\"VIP\"}"));
    QCOMPARE(tagNamesOf(m_site.inT1), QStringList{QStringLiteral("投诉")});
    // Untagging what is not there changes nothing and writes nothing.
    const qint64 mark = authtest::lastAuditId(db());
    const auto again = service().untag(sup, m_site.inT1.id, {QStringLiteral("VIP")});
    QVERIFY(again.ok() && !again->first().changed);
    QCOMPARE(authtest::auditRows(db(), mark).size(), 0);
    // Out of scope: refused, audited once.
    const qint64 scope = authtest::lastAuditId(db());
    QVERIFY(!service().untag(sup, m_site.inT2.id, {QStringLiteral("VIP")}).ok());
    expectOneDenial(scope, QStringLiteral("supervisor"), QStringLiteral("recording.untag"),
                    m_site.inT2.id.toString(QUuid::WithoutBraces));
}

void TestTagService::readingTags()
{
    QVERIFY(setUpSite());
    QVERIFY(service()
                .tag(as(QStringLiteral("supervisor")), m_site.inT1.id, {QStringLiteral("VIP")})
                .ok());
    // Whoever can find the call sees its tags (recording.search), in scope.
    for (const QString &role :
         {QStringLiteral("supervisor"), QStringLiteral("qa_evaluator"), QStringLiteral("agent")}) {
        const qint64 before = authtest::lastAuditId(db());
        const auto tags = service().tagsOf(as(role), m_site.inT1.id);
        QVERIFY2(tags.ok(), qPrintable(role + tags.errorMessage()));
        QCOMPARE(tags->size(), 1);
        QCOMPARE(authtest::auditRows(db(), before).size(), 0); // allowed reads write nothing
    }
    for (const QString &role :
         {QStringLiteral("admin"), QStringLiteral("security_admin"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        const auto refused = service().tagsOf(as(role), m_site.inT1.id);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        expectOneDenial(before, role, QStringLiteral("tag.list"),
                        m_site.inT1.id.toString(QUuid::WithoutBraces));
    }
    const qint64 before = authtest::lastAuditId(db());
    QCOMPARE(service().tagsOf(as(QStringLiteral("agent")), m_site.inT2.id).error().code,
             ErrorCode::PermissionDenied); // not the agent's call
    expectOneDenial(before, QStringLiteral("agent"), QStringLiteral("tag.list"),
                    m_site.inT2.id.toString(QUuid::WithoutBraces));
}

void TestTagService::namesForCompletion()
{
    QVERIFY(setUpSite());
    QVERIFY(service()
                .tag(as(QStringLiteral("supervisor")), m_site.inT1.id,
                     {QStringLiteral("VIP"), QStringLiteral("Vertrag"), QStringLiteral("投诉")})
                .ok());
    for (const QString &role :
         {QStringLiteral("supervisor"), QStringLiteral("qa_evaluator"), QStringLiteral("agent")}) {
        const auto names = service().names(as(role), QStringLiteral("v"));
        QVERIFY2(names.ok(), qPrintable(names.errorMessage()));
        QCOMPARE(names->size(), 2);
        QCOMPARE(names->first().name, QStringLiteral("Vertrag"));
    }
    QCOMPARE(service().names(as(QStringLiteral("supervisor")), QString(), 1)->size(), 1);
    for (const QString &role :
         {QStringLiteral("admin"), QStringLiteral("security_admin"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        QCOMPARE(service().names(as(role), QString()).error().code, ErrorCode::PermissionDenied);
        expectOneDenial(before, role, QStringLiteral("tag.names"), QStringLiteral("tags"));
    }
}

void TestTagService::badNamesAreRefusedBeforeAnything()
{
    QVERIFY(setUpSite());
    const qint64 before = authtest::lastAuditId(db());
    const QList<QStringList> bad = {
        {},
        {QString()},
        {QStringLiteral("ok"), QString(65, u'x')},
        {QStringLiteral("a,b")},
        {QStringLiteral("ok"), QStringLiteral("bad\x01")},
    };
    for (const QStringList &names : bad) {
        for (const QString &role : {QStringLiteral("supervisor"), QStringLiteral("admin")}) {
            const auto tagged = service().tag(as(role), m_site.inT1.id, names);
            QCOMPARE(tagged.error().code, ErrorCode::InvalidArgument);
            const auto untagged = service().untag(as(role), m_site.inT1.id, names);
            QCOMPARE(untagged.error().code, ErrorCode::InvalidArgument);
        }
    }
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("tags")), qint64(0));
}

void TestTagService::revokedPermissionCountsAtOnce()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    QVERIFY(service().tag(sup, m_site.inT1.id, {QStringLiteral("VIP")}).ok());
    QVERIFY(RoleAdmin(db())
                .revoke(as(QStringLiteral("security_admin")), QStringLiteral("supervisor"),
                        Permission::RecordingTag)
                .ok());
    QCOMPARE(service().tag(sup, m_site.inT1.id, {QStringLiteral("B")}).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(service().untag(sup, m_site.inT1.id, {QStringLiteral("VIP")}).error().code,
             ErrorCode::PermissionDenied);
    // A disabled account holds nothing, not even reading.
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .setDisabled(as(QStringLiteral("admin")), QStringLiteral("u_qa_evaluator"), true)
                .ok());
    QCOMPARE(service().tagsOf(as(QStringLiteral("qa_evaluator")), m_site.inT1.id).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(tagNamesOf(m_site.inT1), QStringList{QStringLiteral("VIP")});
}

QTEST_GUILESS_MAIN(TestTagService)
#include "tst_tagservice.moc"
