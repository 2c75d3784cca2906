#pragma once

#include "catalog/capturedcallrepository.h"
#include "common/result.h"

#include <QString>
#include <QStringList>

namespace cv::recorder {

// The captured_calls row of a call, kept beside its recording in the spool
// (spool/<id>.call.json) from the moment its recording starts until the catalog holds it.
// After kill -9 or power loss, or while the catalog is unreachable, the recorder's next
// start finds the call's facts (Call-ID, parties, why) here and catalogs them with the
// recovered audio (docs/user-guide-callvault-recorder.md, "Nothing lost"). Holds no secret: the wrapped key is in the
// recording's own sidecar, never here.
class CallJournal final
{
public:
    explicit CallJournal(QString spoolDirectory) : m_dir(std::move(spoolDirectory)) {}

    // `final`: the call has ended and `row` is what goes to the catalog; otherwise the call
    // was still running and a recovery marks it 'recovered'. Written atomically and durably.
    Result<void> write(const CapturedCallRow &row, bool final);
    struct Entry
    {
        CapturedCallRow row;
        bool final = false;
    };
    Result<Entry> read(const QUuid &id) const;
    void remove(const QUuid &id) const;
    // The ids of every journal in the spool, oldest file first.
    QVector<QUuid> pending() const;
    QString pathFor(const QUuid &id) const;

    static QJsonObject toJson(const CapturedCallRow &row);
    static Result<CapturedCallRow> fromJson(const QJsonObject &object);

private:
    QString m_dir;
};

} // namespace cv::recorder
