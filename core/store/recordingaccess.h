#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/keyrepository.h"
#include "common/result.h"
#include "store/containerreader.h"
#include "store/storagelayout.h"

#include <memory>

namespace cv {

class Database;
struct SiteKeys;
namespace crypto {
class X25519KeyPair;
}

// Opens a cataloged recording for reading: catalog row -> wrapped key -> unwrapped with the
// site private key -> container reader. Only machines holding the site private key can.
// With the whole key ring (SiteKeys) the key that wrapped the recording's data key is picked
// by its key id, so recordings still wrapped to a retired key (a rotation under way) open.
class RecordingAccess final
{
public:
    struct Opened
    {
        RecordingRow row;
        std::unique_ptr<ContainerReader> reader;
    };

    RecordingAccess(StorageLayout layout, Database &db, const SiteKeys &keys);
    // One X25519 key only (tests, tools that hold a single key).
    RecordingAccess(StorageLayout layout, Database &db, const crypto::X25519KeyPair &siteKey);

    Result<RecordingRow> row(const QUuid &id) const;
    // `use` matters on a server-enforced catalog, where reading the key is itself checked and
    // audited by the server (KeyRepository::findForUse).
    Result<Opened> open(const QUuid &id, KeyUse use = KeyUse::Play) const;
    Result<Opened> open(const RecordingRow &row, KeyUse use = KeyUse::Play) const;
    const StorageLayout &layout() const { return m_layout; }
    Database &database() const { return m_db; }

private:
    // The private key for `wrappedKey`, or an error naming the key it needs.
    Result<const crypto::X25519KeyPair *> keyFor(const QByteArray &wrappedKey, const QString &idText) const;

    StorageLayout m_layout;
    Database &m_db;
    const SiteKeys *m_keys = nullptr;
    const crypto::X25519KeyPair *m_siteKey = nullptr;
};

} // namespace cv
