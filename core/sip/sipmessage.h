#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace cv::sip {

// One SIP message (RFC 3261): parsed from the bytes a UDP datagram or the TCP framer
// (SipStreamFramer) delivers, or built (responses for the SIPREC server) and serialized.
// Header names compare case-insensitively and compact forms are the same header ("i" is
// Call-ID). Parsing is strict where a recorder must not guess (start line, Call-ID,
// CSeq, From, To, Content-Length) and tolerant where real stacks differ (bare LF line
// ends, folded lines, no blank line before an empty body on UDP).
class SipMessage final
{
public:
    static constexpr int kMaxMessageBytes = 64 * 1024;
    static constexpr int kMaxHeaders = 200;

    struct Header
    {
        QByteArray name;  // as written (or the full name when built)
        QByteArray value; // trimmed, folded lines joined with one space
    };
    struct CSeq
    {
        quint32 number = 0;
        QByteArray method;
    };
    // name-addr / addr-spec of From, To, P-Asserted-Identity, Contact...
    struct NameAddr
    {
        QByteArray displayName; // unquoted
        QByteArray uri;         // "sip:+8613800000000@pbx.example.com;user=phone"
        QByteArray user;        // "+8613800000000" (percent-decoded; the number of a tel: URI)
        QByteArray host;        // "pbx.example.com" (IPv6 without brackets), empty for tel:
        QByteArray tag;         // the tag header parameter
    };

    static Result<SipMessage> parse(const QByteArray &bytes);
    static SipMessage request(const QByteArray &method, const QByteArray &requestUri);
    // A response to `request`: Via (all, in order), From, To, Call-ID and CSeq copied;
    // Record-Route too for 101-299 (those may establish a dialog). toTag is added to To
    // unless it already has a tag (for responses other than 100 the UAS must tag it).
    static SipMessage response(const SipMessage &request, int code, const QByteArray &reason,
                               const QByteArray &toTag = {});
    static std::optional<NameAddr> parseNameAddr(const QByteArray &value);
    // The full, lower-case name of a header ("i" -> "call-id", "Call-ID" -> "call-id").
    static QByteArray canonicalName(const QByteArray &name);

    bool isRequest() const { return m_isRequest; }
    QByteArray method() const { return m_method; }
    QByteArray requestUri() const { return m_requestUri; }
    int statusCode() const { return m_statusCode; }
    QByteArray reasonPhrase() const { return m_reason; }

    // First value of the header (the first list element for list headers such as Via).
    QByteArray header(const QByteArray &name) const;
    // Every value: several header lines, and comma-separated elements for the headers whose
    // grammar is a list (Via, Contact, Route, Record-Route, Allow, Supported, P-Asserted-
    // Identity...). Commas inside quotes or <> do not split.
    QList<QByteArray> headerValues(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    const QList<Header> &headers() const { return m_headers; }

    QByteArray callId() const { return header("call-id"); }
    CSeq cseq() const { return m_cseq; }
    NameAddr from() const;
    NameAddr to() const;
    // The first P-Asserted-Identity (RFC 3325) identity, if any.
    std::optional<NameAddr> pAssertedIdentity() const;
    QList<NameAddr> pAssertedIdentities() const;
    QByteArray contentType() const { return header("content-type"); }
    // "application/sdp" from "Application/SDP; charset=utf-8".
    QByteArray mediaType() const;
    QByteArray body() const { return m_body; }

    // Building. setHeader replaces every line of that header (compact forms included).
    void setHeader(const QByteArray &name, const QByteArray &value);
    void addHeader(const QByteArray &name, const QByteArray &value);
    void removeHeader(const QByteArray &name);
    // Sets the body and its Content-Type (an empty type removes Content-Type).
    void setBody(const QByteArray &body, const QByteArray &contentType);
    // Start line, headers in order, Content-Length always matching the body, blank line, body.
    QByteArray serialize() const;

private:
    SipMessage() = default;
    static Result<void> parseStartLine(SipMessage &message, const QByteArray &line);

    bool m_isRequest = false;
    QByteArray m_method;
    QByteArray m_requestUri;
    int m_statusCode = 0;
    QByteArray m_reason;
    QList<Header> m_headers;
    CSeq m_cseq;
    QByteArray m_body;
};

} // namespace cv::sip
