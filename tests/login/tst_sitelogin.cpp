// cv::SiteLogin, the one log-in path of callvaultctl and the workstation, on a SQLite site
// (CallVault checks the password) and on a server-enforced PostgreSQL site (the server
// does, as the user's own login role; $CALLVAULT_TEST_PG_SUPERUSER_URL from
// tests/tools/with-services.sh: without it the PostgreSQL cases fail, they do not skip).
#include "logintestsupport.h"
#include "securedcatalog.h"

#include "site/siteconfig.h"
#include "store/durablefile.h"

#include <QDir>
#include <QTest>
#include <QUrl>

using namespace cv;

class TestSiteLogin final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.setUp());
        QVERIFY(m_site.addUser(QStringLiteral("alice"), kAlicePassword, QStringLiteral("auditor")));
        QVERIFY(m_site.addUser(QStringLiteral("mallory"), kMalloryPassword, QStringLiteral("auditor")));
    }

    void sqliteLogsIn()
    {
        const qint64 before = authtest::lastAuditId(m_site.catalog());
        auto in = SiteLogin::login(m_site.site(), QStringLiteral("alice"), kAlicePassword,
                                   QStringLiteral("ws-1"), QStringLiteral("test"), m_site.options());
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        QVERIFY(in->site && in->db && in->auth);
        QCOMPARE(in->session.principal().name, QStringLiteral("alice"));
        QCOMPARE(in->session.principal().role, QStringLiteral("auditor"));
        QVERIFY(in->session.isActive());
        QCOMPARE(in->site->config().name, LoginTestSite::siteName());
        QCOMPARE(in->session.idleTimeoutMs(), LoginTestSite::kIdleMinutes * 60 * 1000);
        const auto rows = authtest::auditRows(m_site.catalog(), before);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.login"), QStringLiteral("allowed")), 1);
    }

    void sqliteWrongPasswordThenLockout()
    {
        const auto attempt = [this](const QByteArray &password) {
            return SiteLogin::login(m_site.site(), QStringLiteral("mallory"), password,
                                    QStringLiteral("ws-1"), QStringLiteral("test"), m_site.options());
        };
        for (int i = 1; i < LoginTestSite::kMaxFailures; ++i) {
            auto wrong = attempt("not the password");
            QVERIFY(!wrong);
            QCOMPARE(SiteLogin::classify(wrong.error()), SiteLogin::Failure::WrongCredentials);
        }
        // The last allowed failure locks the account; from then on even the right password
        // is refused with the locked text.
        auto last = attempt("not the password");
        QVERIFY(!last);
        auto locked = attempt(kMalloryPassword);
        QVERIFY(!locked);
        QCOMPARE(SiteLogin::classify(locked.error()), SiteLogin::Failure::Locked);
        // Until the lockout ends (lockout.minutes, default 30).
        m_site.clock().advanceMinutes(31);
        auto again = attempt(kMalloryPassword);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    }

    void sqliteRelogin()
    {
        auto in = SiteLogin::login(m_site.site(), QStringLiteral("alice"), kAlicePassword,
                                   QStringLiteral("ws-1"), QStringLiteral("test"), m_site.options());
        QVERIFY(in.ok());
        m_site.clock().advanceMinutes(LoginTestSite::kIdleMinutes + 1);
        QVERIFY(!in->auth->resume(in->session)); // timed out
        QVERIFY(!in->session.isActive());
        Database *const db = in->db.get();
        auto wrong = SiteLogin::relogin(in.value(), "wrong", m_site.options());
        QVERIFY(!wrong);
        QCOMPARE(SiteLogin::classify(wrong.error()), SiteLogin::Failure::WrongCredentials);
        QVERIFY(!in->session.isActive());
        QVERIFY(SiteLogin::relogin(in.value(), kAlicePassword, m_site.options()).ok());
        QVERIFY(in->session.isActive());
        QCOMPARE(in->db.get(), db); // the same catalog object: what the program built stays
        QVERIFY(in->auth->resume(in->session).ok());
    }

    void classifiesCatalogTrouble()
    {
        QCOMPARE(SiteLogin::classify(makeError(ErrorCode::Database, QStringLiteral("x"))),
                 SiteLogin::Failure::CatalogUnavailable);
        QCOMPARE(SiteLogin::classify(makeError(ErrorCode::PermissionDenied,
                                               AuthService::wrongCurrentPasswordMessage())),
                 SiteLogin::Failure::WrongCurrentPassword);
        QCOMPARE(SiteLogin::classify(makeError(ErrorCode::Format, QStringLiteral("x"))),
                 SiteLogin::Failure::Other);
        QCOMPARE(SiteLogin::classify(Error{}), SiteLogin::Failure::None);
    }

    // A server-enforced catalog (SecuredCatalog provisions it like `init --pg`), reached
    // through a site.json as `init --pg` writes it.
    void serverEnforcedLogsIn()
    {
        SecuredCatalog pg;
        if (auto made = pg.create(); !made)
            QFAIL(qPrintable(made.errorMessage()));
        QTemporaryDir dir;
        SiteConfig config;
        config.siteId = pg.siteId();
        config.name = QStringLiteral("Secured site");
        config.publicKeys.encryption = QByteArray(32, '\x11');
        config.publicKeys.signing = pg.signingPublic();
        config.catalogKind = QStringLiteral("postgres");
        QUrl url(pg.urlFor(QStringLiteral("x"), "y"));
        url.setUserName(QString());
        url.setPassword(QString());
        config.catalogLocation = url.toString();
        config.pgRolePrefix = pg.prefix();
        config.pgGatePassword = QString::fromLatin1(pg.gatePassword());
        QVERIFY(durable::writeFileAtomically(QDir(dir.path()).filePath(Site::siteFileName()),
                                             config.toJson())
                    .ok());
        auto site = Site::open(dir.path());
        QVERIFY2(site.ok(), qPrintable(site.errorMessage()));
        QVERIFY(site->isServerEnforced());

        auto wrong = SiteLogin::login(site.value(), QStringLiteral("admin"), "wrong-password",
                                      QStringLiteral("ws-1"), QStringLiteral("test"));
        QVERIFY(!wrong);
        QCOMPARE(SiteLogin::classify(wrong.error()), SiteLogin::Failure::WrongCredentials);

        auto in = SiteLogin::login(site.value(), QStringLiteral("admin"),
                                   SecuredCatalog::adminPassword(), QStringLiteral("ws-1"),
                                   QStringLiteral("test"));
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        QVERIFY(in->db->serverEnforced());
        QCOMPARE(in->session.principal().role, QStringLiteral("admin"));
        QVERIFY(in->auth->serverLogin().has_value());
        // The idle unlock checks the password on the server, keeping this connection.
        Database *const db = in->db.get();
        QVERIFY(!SiteLogin::relogin(in.value(), "wrong-password"));
        QVERIFY(SiteLogin::relogin(in.value(), SecuredCatalog::adminPassword()).ok());
        QCOMPARE(in->db.get(), db);
        QVERIFY(in->session.isActive());
    }

private:
    static constexpr char kAlicePassword[] = "alice-password-1";
    static constexpr char kMalloryPassword[] = "mallory-password-1";
    LoginTestSite m_site;
};

QTEST_GUILESS_MAIN(TestSiteLogin)
#include "tst_sitelogin.moc"
