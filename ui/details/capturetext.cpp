#include "capturetext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMap>

namespace cv {

QString CaptureText::completeness(Completeness completeness)
{
    switch (completeness) {
    case Completeness::Complete: return tr("Both directions recorded.");
    case Completeness::NoRtp: return tr("Answered, but no audio reached the recorder.");
    case Completeness::OneWayRtp: return tr("Only one direction's audio reached the recorder; the other lane is silent.");
    case Completeness::CodecUnsupported: return tr("The call used a codec the recorder cannot decode.");
    case Completeness::EncryptedSrtp: return tr("The call's audio was encrypted (SRTP); a passive recorder cannot record it.");
    case Completeness::StoppedByApi: return tr("The recording was stopped through the control API before the call ended.");
    case Completeness::DiskError: return tr("The recorder could not write the recording (disk full or failing).");
    case Completeness::NotAnswered: return tr("Cancelled or refused before any audio.");
    case Completeness::Recovered: return tr("The recorder stopped during the call; the recording was recovered (at most 1 s lost).");
    }
    return {};
}

QString CaptureText::summary(const CapturedCallRow &row)
{
    const QLocale locale;
    QStringList parts{completeness(row.completeness), tr("Recorder: %1.").arg(row.node)};
    const QJsonObject legs = row.details.value(QStringLiteral("legs")).toObject();
    for (const auto &[key, label] : {std::pair{QStringLiteral("agent"), tr("Agent")}, {QStringLiteral("customer"), tr("Customer")}}) {
        const QJsonObject leg = legs.value(key).toObject();
        if (leg.isEmpty())
            continue;
        parts << tr("%1: %2 packets, %3 lost, jitter %4 ms.")
                     .arg(label, locale.toString(leg.value(QStringLiteral("packets")).toInteger()),
                          locale.toString(leg.value(QStringLiteral("lost")).toInteger()),
                          locale.toString(leg.value(QStringLiteral("jitterMs")).toDouble(), 'f', 1));
    }
    QMap<QString, int> masked;
    for (const QJsonValue &span : row.details.value(QStringLiteral("maskedSpans")).toArray())
        ++masked[span.toObject().value(QStringLiteral("cause")).toString()];
    QStringList causes;
    for (auto it = masked.cbegin(); it != masked.cend(); ++it) {
        const QString cause = it.key() == QLatin1String("paused") ? tr("paused")
                              : it.key().startsWith(QLatin1String("dtmf")) ? tr("key tones")
                                                                          : it.key();
        causes << tr("%1 (%2)").arg(cause, locale.toString(it.value()));
    }
    if (!causes.isEmpty())
        parts << tr("Masked: %1.").arg(causes.join(QStringLiteral(", ")));
    return parts.join(u' ');
}

} // namespace cv
