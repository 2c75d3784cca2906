#pragma once

#include "common/result.h"
#include "site/keystore.h"
#include "site/site.h"

#include <QByteArray>
#include <QString>

namespace cv {

// Joins a workstation to an existing shared PostgreSQL site (one set up with
// `callvaultctl init --pg`, docs/postgres-security.md). The administrator hands over the
// site's site.json (it holds no secret worth protecting: public keys, the catalog URL
// without user or password, the role prefix and the gate password) and the CA certificate
// the server's TLS certificate chains to. The joined directory gets:
//   site.json  with sslmode=verify-full and sslrootcert pointing at the copy below, and the
//              key backend this machine uses;
//   ca.pem     a copy of the CA certificate.
// Every user then logs in as their own login role. The site private keys are not part of a
// join: restore them from a key backup (`callvaultctl key import`) on workstations that
// play calls.
class SiteJoiner final
{
public:
    struct Options
    {
        QString directory;        // must not hold a site yet
        QByteArray siteJson;      // the site.json of the site
        QString caCertificatePath; // PEM
        KeyStore::Backend keyBackend = KeyStore::Backend::Keychain;
    };

    static Result<Site> join(const Options &options);
    static QString caFileName() { return QStringLiteral("ca.pem"); }
};

} // namespace cv
