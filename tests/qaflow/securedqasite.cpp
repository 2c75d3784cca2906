#include "securedqasite.h"

#include "auth/pglogin.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "qa/formlibrary.h"

#include <QUrl>

namespace qaflowtest {

cv::Result<void> SecuredQaSite::setUp(std::initializer_list<SecuredUser> users, const QString &program)
{
    catalog = std::make_unique<SecuredCatalog>();
    if (auto created = catalog->create(); !created)
        return created;
    for (const QString &sql :
         {QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0), ('T2', 'Team 2', 0)"),
          QStringLiteral("INSERT INTO agents VALUES ('A1', 'Agent 1', 'T1'), ('A2', 'Agent 2', 'T2')")}) {
        if (auto ran = catalog->exec(sql); !ran)
            return ran;
    }
    r1 = catalogtest::makeRecording(catalog->siteId(), QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC));
    r1.agentId = QStringLiteral("A1");
    r2 = catalogtest::makeRecording(catalog->siteId(), QDateTime(QDate(2024, 4, 2), QTime(9, 0), Qt::UTC));
    r2.agentId = QStringLiteral("A2");
    for (const cv::RecordingRow &row : {r1, r2}) {
        if (auto inserted = cv::RecordingRepository(catalog->superuser()).insert(row); !inserted)
            return inserted;
    }
    QUrl url(catalog->urlFor(QStringLiteral("nobody"), QByteArrayLiteral("x")));
    url.setUserInfo(QString());
    cv::PgLoginTarget target;
    target.url = url.toString(QUrl::FullyEncoded);
    target.rolePrefix = catalog->prefix();
    target.gatePassword = catalog->gatePassword();
    for (const SecuredUser &u : users) {
        const QString name = QString::fromLatin1(u.name);
        auto id = catalog->addUser(name, QString::fromLatin1(u.role),
                                   u.team ? QStringList{QString::fromLatin1(u.team)} : QStringList(),
                                   u.agent ? QString::fromLatin1(u.agent) : QString());
        if (!id)
            return id.error();
        auto in = cv::PgLogin(target).login(name, SecuredCatalog::passwordOf(name), QStringLiteral("ws-7"), program);
        if (!in)
            return in.error();
        if (!in->db->serverEnforced())
            return cv::makeError(cv::ErrorCode::InvalidArgument, name + QStringLiteral("'s connection is not server-enforced"));
        SecuredPerson person;
        person.principal = in->session.principal();
        person.db = std::move(in->db);
        people.emplace(name, std::move(person));
    }
    return {};
}

cv::Result<void> SecuredQaSite::publishCallQuality(const QString &publisher)
{
    auto published = cv::FormLibrary(*as(publisher).db)
                         .publish(as(publisher).principal, QStringLiteral("call-quality"), QStringLiteral("Call quality"),
                                  QStringLiteral("en"), QStringLiteral("{\"questions\":[\"Greeting?\"]}"));
    if (!published)
        return published.error();
    return {};
}

void SecuredQaSite::tearDown()
{
    people.clear();
    catalog.reset();
}

QString SecuredQaSite::outcomeAs(const QString &name, const QString &sql, const QVariantList &values)
{
    return SecuredCatalog::outcome(*as(name).db, sql, values);
}

} // namespace qaflowtest
