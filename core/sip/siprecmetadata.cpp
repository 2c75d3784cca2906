#include "siprecmetadata.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QXmlStreamReader>

namespace cv::sip {

namespace {

Error metadataError(const QString &what)
{
    return makeError(ErrorCode::Format,
                     QStringLiteral("Invalid SIPREC recording metadata: %1").arg(what));
}

QByteArray attribute(const QXmlStreamReader &reader, QLatin1StringView name)
{
    return reader.attributes().value(name).toString().trimmed().toUtf8();
}

void appendUnique(QList<QByteArray> &list, const QByteArray &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

} // namespace

QString SiprecMetadata::numberOfAor(const QString &aorText)
{
    QString aor = aorText.trimmed();
    if (aor.startsWith(QLatin1Char('<')) && aor.endsWith(QLatin1Char('>')))
        aor = aor.mid(1, aor.size() - 2);
    const qsizetype colon = aor.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    const QString scheme = aor.left(colon).toLower();
    QString rest = aor.mid(colon + 1);
    if (scheme == QLatin1String("tel")) {
        const qsizetype semi = rest.indexOf(QLatin1Char(';'));
        if (semi >= 0)
            rest.truncate(semi);
        QString number;
        for (const QChar c : rest) {
            if (c != QLatin1Char('-') && c != QLatin1Char('.') && c != QLatin1Char('(') &&
                c != QLatin1Char(')') && !c.isSpace())
                number.append(c);
        }
        return number;
    }
    if (scheme == QLatin1String("sip") || scheme == QLatin1String("sips")) {
        const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
        if (at <= 0)
            return {};
        QString user = rest.left(at);
        const qsizetype cut = user.indexOf(QRegularExpression(QStringLiteral("[:;]")));
        if (cut >= 0)
            user.truncate(cut); // password, or user parameters such as ;isub=
        return QUrl::fromPercentEncoding(user.toUtf8());
    }
    return {};
}

QString SiprecMetadata::numberOf(const Participant &participant)
{
    for (const QString &aor : participant.aors) {
        if (aor.trimmed().startsWith(QLatin1String("tel:"), Qt::CaseInsensitive)) {
            const QString number = numberOfAor(aor);
            if (!number.isEmpty())
                return number;
        }
    }
    for (const QString &aor : participant.aors) {
        const QString number = numberOfAor(aor);
        if (!number.isEmpty())
            return number;
    }
    return {};
}

const SiprecMetadata::Participant *SiprecMetadata::participant(const QByteArray &id) const
{
    for (const Participant &p : participants) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const SiprecMetadata::Stream *SiprecMetadata::streamByLabel(const QByteArray &label) const
{
    for (const Stream &s : streams) {
        if (s.label == label)
            return &s;
    }
    return nullptr;
}

const SiprecMetadata::Participant *SiprecMetadata::senderOf(const QByteArray &streamId) const
{
    for (const Participant &p : participants) {
        if (p.send.contains(streamId))
            return &p;
    }
    return nullptr;
}

Result<SiprecMetadata> SiprecMetadata::parse(const QByteArray &xml)
{
    if (xml.size() > kMaxBytes)
        return metadataError(QStringLiteral("%1 bytes is over the limit").arg(xml.size()));
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.tokenType() == QXmlStreamReader::DTD)
            return metadataError(QStringLiteral("a document type declaration is not allowed"));
        if (reader.isStartElement())
            break;
    }
    if (reader.hasError())
        return metadataError(reader.errorString());
    if (!reader.isStartElement() || reader.name() != QLatin1String("recording"))
        return metadataError(QStringLiteral("the root element is not <recording>"));

    SiprecMetadata metadata;
    int objects = 0;
    auto tooMany = [&] { return ++objects > kMaxObjects * 4; };
    while (reader.readNextStartElement()) {
        if (tooMany())
            return metadataError(QStringLiteral("too many elements"));
        const auto name = reader.name();
        if (name == QLatin1String("datamode") || name == QLatin1String("dataMode")) {
            const QString mode = reader.readElementText().trimmed();
            if (mode == QLatin1String("partial"))
                metadata.complete = false;
            else if (mode != QLatin1String("complete"))
                return metadataError(QStringLiteral("datamode is neither complete nor partial"));
        } else if (name == QLatin1String("session")) {
            Session session;
            session.id = attribute(reader, QLatin1StringView("session_id"));
            if (session.id.isEmpty())
                return metadataError(QStringLiteral("a session has no session_id"));
            while (reader.readNextStartElement()) {
                if (reader.name() == QLatin1String("sipSessionID"))
                    session.sipSessionId = reader.readElementText().trimmed();
                else if (reader.name() == QLatin1String("group-ref"))
                    session.groupRefs.append(reader.readElementText().trimmed().toUtf8());
                else
                    reader.skipCurrentElement();
            }
            metadata.sessions.append(session);
        } else if (name == QLatin1String("participant")) {
            Participant participant;
            participant.id = attribute(reader, QLatin1StringView("participant_id"));
            if (participant.id.isEmpty())
                return metadataError(QStringLiteral("a participant has no participant_id"));
            while (reader.readNextStartElement()) {
                if (tooMany())
                    return metadataError(QStringLiteral("too many elements"));
                const auto child = reader.name();
                if (child == QLatin1String("nameID")) {
                    const QString aor =
                        reader.attributes().value(QLatin1String("aor")).toString().trimmed();
                    if (!aor.isEmpty())
                        participant.aors.append(aor);
                    while (reader.readNextStartElement()) {
                        if (reader.name() == QLatin1String("name") && participant.name.isEmpty())
                            participant.name = reader.readElementText().trimmed();
                        else
                            reader.skipCurrentElement();
                    }
                } else if (child == QLatin1String("aor")) { // pre-RFC drafts
                    const QString aor = reader.readElementText().trimmed();
                    if (!aor.isEmpty())
                        participant.aors.append(aor);
                } else if (child == QLatin1String("name")) {
                    const QString text = reader.readElementText().trimmed();
                    if (participant.name.isEmpty())
                        participant.name = text;
                } else if (child == QLatin1String("send")) {
                    appendUnique(participant.send, reader.readElementText().trimmed().toUtf8());
                } else if (child == QLatin1String("recv")) {
                    appendUnique(participant.recv, reader.readElementText().trimmed().toUtf8());
                } else {
                    reader.skipCurrentElement();
                }
            }
            metadata.participants.append(participant);
        } else if (name == QLatin1String("stream")) {
            Stream stream;
            stream.id = attribute(reader, QLatin1StringView("stream_id"));
            stream.sessionId = attribute(reader, QLatin1StringView("session_id"));
            if (stream.id.isEmpty())
                return metadataError(QStringLiteral("a stream has no stream_id"));
            while (reader.readNextStartElement()) {
                if (reader.name() == QLatin1String("label"))
                    stream.label = reader.readElementText().trimmed().toUtf8();
                else
                    reader.skipCurrentElement();
            }
            metadata.streams.append(stream);
        } else if (name == QLatin1String("participantstreamassoc")) {
            StreamAssociation association;
            association.participantId = attribute(reader, QLatin1StringView("participant_id"));
            if (association.participantId.isEmpty())
                return metadataError(
                    QStringLiteral("a participantstreamassoc has no participant_id"));
            while (reader.readNextStartElement()) {
                if (tooMany())
                    return metadataError(QStringLiteral("too many elements"));
                if (reader.name() == QLatin1String("send"))
                    appendUnique(association.send, reader.readElementText().trimmed().toUtf8());
                else if (reader.name() == QLatin1String("recv"))
                    appendUnique(association.recv, reader.readElementText().trimmed().toUtf8());
                else
                    reader.skipCurrentElement();
            }
            metadata.associations.append(association);
        } else {
            reader.skipCurrentElement(); // group, sessionrecordingassoc, extensions...
        }
        if (metadata.participants.size() > kMaxObjects || metadata.streams.size() > kMaxObjects ||
            metadata.sessions.size() > kMaxObjects || metadata.associations.size() > kMaxObjects)
            return metadataError(
                QStringLiteral("more than %1 objects of one kind").arg(kMaxObjects));
    }
    // Read to the end so trailing garbage and unbalanced tags are errors too.
    while (!reader.atEnd() && !reader.hasError()) {
        reader.readNext();
        if (reader.tokenType() == QXmlStreamReader::DTD || reader.isStartElement())
            return metadataError(QStringLiteral("content after the <recording> element"));
    }
    if (reader.hasError()) {
        return metadataError(
            QStringLiteral("%1 (line %2)").arg(reader.errorString()).arg(reader.lineNumber()));
    }

    QSet<QByteArray> participantIds;
    for (const Participant &p : metadata.participants) {
        if (participantIds.contains(p.id))
            return metadataError(
                QStringLiteral("participant_id %1 occurs twice").arg(QString::fromUtf8(p.id)));
        participantIds.insert(p.id);
    }
    QSet<QByteArray> streamIds;
    for (const Stream &s : metadata.streams) {
        if (streamIds.contains(s.id))
            return metadataError(
                QStringLiteral("stream_id %1 occurs twice").arg(QString::fromUtf8(s.id)));
        streamIds.insert(s.id);
    }
    for (const StreamAssociation &a : metadata.associations) {
        Participant *target = nullptr;
        for (Participant &p : metadata.participants) {
            if (p.id == a.participantId)
                target = &p;
        }
        // A partial update may refer to objects of an earlier, complete document.
        if (metadata.complete) {
            if (!target)
                return metadataError(QStringLiteral("participantstreamassoc names an unknown "
                                                    "participant %1")
                                         .arg(QString::fromUtf8(a.participantId)));
            for (const QByteArray &id : a.send + a.recv) {
                if (!streamIds.contains(id))
                    return metadataError(
                        QStringLiteral("participant %1 is associated with an "
                                       "unknown stream %2")
                            .arg(QString::fromUtf8(a.participantId), QString::fromUtf8(id)));
            }
        }
        if (target) {
            for (const QByteArray &id : a.send)
                appendUnique(target->send, id);
            for (const QByteArray &id : a.recv)
                appendUnique(target->recv, id);
        }
    }
    if (metadata.complete && metadata.participants.isEmpty())
        return metadataError(QStringLiteral("it names no participant"));
    return metadata;
}

} // namespace cv::sip
