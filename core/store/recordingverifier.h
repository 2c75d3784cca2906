#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QStringList>

namespace cv {

class RecordingAccess;

// Checks a cataloged recording end to end: the file is there, its size and SHA-256 match the
// catalog, its key unwraps, every chunk authenticates, and it is finished unless the catalog
// says it was recovered.
class RecordingVerifier final
{
public:
    struct Verdict
    {
        QUuid id;
        bool ok = false;
        QStringList problems; // one line each, for a person
    };

    explicit RecordingVerifier(const RecordingAccess &access);
    Verdict verify(const RecordingRow &row) const;

private:
    const RecordingAccess &m_access;
};

} // namespace cv
