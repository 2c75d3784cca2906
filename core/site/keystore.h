#pragma once

#include "common/result.h"
#include "site/sitekeys.h"

#include <QString>

namespace cv {

// Where the site's private keys live on this machine. Two backends behind one interface:
// the OS keychain (Secret Service through QtKeychain) on desktops, and a passphrase-protected
// key file on headless machines. Programs say which one they use.
class KeyStore
{
public:
    enum class Backend { Keychain, KeyFile };

    virtual ~KeyStore() = default;
    virtual Backend backend() const = 0;
    // For a person: "OS keychain (Secret Service)" or "key file /path (passphrase-protected)".
    virtual QString describe() const = 0;
    virtual Result<void> save(const SiteKeys &keys) = 0;
    virtual Result<SiteKeys> load() = 0;
    virtual Result<void> remove() = 0;
};

QString backendName(KeyStore::Backend backend); // "keychain" / "file", as stored in site.json
Result<KeyStore::Backend> backendFromName(const QString &name);

} // namespace cv
