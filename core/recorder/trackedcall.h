#pragma once

#include "net/endpoint.h"
#include "recorder/callparties.h"
#include "recorder/recordedcall.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace cv::recorder {

// One call the recorder knows of, from its first INVITE (or a control API start by port
// pair) to its end: the signalling facts, where its media goes, and its recording.
struct TrackedCall
{
    QUuid id;                 // captured_calls.id (also the first recording's id)
    QString callId;           // SIP Call-ID; "ports:A-B" for a call started by port pair
    QByteArray callerTag;     // From tag of the INVITE: tells who sent a re-INVITE
    qint64 invitedUs = 0;
    qint64 lastSignallingUs = 0;
    CallParties parties;
    bool answered = false;
    bool encrypted = false;   // SRTP negotiated: recorded as encrypted_srtp, no audio kept
    bool stoppedByApi = false;
    bool onHold = false;               // the last SDP put the media on hold: no RTP timeout
    bool lastOfferFromCaller = true;   // who sent the last INVITE/UPDATE (its answer is the other's)
    bool recordingWanted = true;
    net::Endpoint callerMedia; // where the caller receives RTP (its SDP)
    net::Endpoint calleeMedia;
    QStringList tags;
    QJsonObject metadata;     // control API: agent_id, customer_number, crm_ticket_id
    // The payload types each lane's sender uses (the receiving side's SDP), kept for a
    // recording (re)started later by the control API.
    struct LaneFormats
    {
        QHash<int, rtp::PayloadFormat> formats;
        int telephoneEvent = -1;
    };
    LaneFormats formats[2];
    std::unique_ptr<RecordedCall> audio;

    // The lane of media sent by the caller / the callee.
    LegSide callerSide() const { return parties.agentIsCaller ? LegSide::Agent : LegSide::Customer; }
    LegSide calleeSide() const { return parties.agentIsCaller ? LegSide::Customer : LegSide::Agent; }
};

} // namespace cv::recorder
