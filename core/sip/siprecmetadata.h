#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace cv::sip {

// SIPREC recording metadata (RFC 7865, application/rs-metadata+xml): who took part in the
// recorded call and which media stream (SDP a=label) carries whose voice. Also reads the
// pre-RFC layout some SRCs still send (send/recv and aor elements inside participant).
// The XML is read with QXmlStreamReader; a DTD is refused outright, so no entity (internal
// or external) is ever expanded. Bounded: 64 KiB, 256 participants/streams/sessions.
class SiprecMetadata final
{
public:
    static constexpr int kMaxBytes = 64 * 1024;
    static constexpr int kMaxObjects = 256;

    struct Participant
    {
        QByteArray id;          // participant_id
        QStringList aors;       // nameID aor="sip:+8613800000000@pbx" (several are allowed)
        QString name;           // the display name (first name element)
        QList<QByteArray> send; // stream ids this participant sends (from participantstreamassoc)
        QList<QByteArray> recv;
    };
    struct Stream
    {
        QByteArray id;        // stream_id
        QByteArray sessionId; // session_id attribute
        QByteArray label;     // matches the a=label of an SDP media line
    };
    struct Session
    {
        QByteArray id;        // session_id
        QString sipSessionId; // sipSessionID (RFC 7989 Session-ID of the recorded call)
        QList<QByteArray> groupRefs;
    };
    struct StreamAssociation
    {
        QByteArray participantId;
        QList<QByteArray> send;
        QList<QByteArray> recv;
    };

    static Result<SiprecMetadata> parse(const QByteArray &xml);

    // The phone number or user of an address: "+8613800000000" from
    // "sip:+8613800000000@pbx;user=phone" and from "tel:+86-138-0000-0000" (visual
    // separators removed, RFC 3966). Empty if the address has neither.
    static QString numberOfAor(const QString &aor);
    // The participant's number: its first AOR that gives one (tel: URIs preferred).
    static QString numberOf(const Participant &participant);

    const Participant *participant(const QByteArray &id) const;
    const Stream *streamByLabel(const QByteArray &label) const;
    // The participant whose voice the stream carries (the one that sends it), or nullptr.
    const Participant *senderOf(const QByteArray &streamId) const;

    bool complete = true; // datamode complete (default) or partial (an update)
    QList<Session> sessions;
    QList<Participant> participants;
    QList<Stream> streams;
    QList<StreamAssociation> associations;
};

} // namespace cv::sip
