#include "player/waveformview.h"

#include "tags/offsettext.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>

namespace cv {

namespace {
constexpr int kLaneLabelWidth = 72;
constexpr int kMarkerHitPx = 4;
} // namespace

WaveformView::WaveformView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("waveform"));
    setMouseTracking(true); // bookmark tooltips
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void WaveformView::setPeaks(const PeakSummary &peaks, qint64 durationMs)
{
    m_peaks = peaks;
    m_durationMs = std::max<qint64>(0, durationMs);
    clampView();
    update();
}

void WaveformView::setPosition(qint64 ms)
{
    m_positionMs = ms;
    // A zoomed view pages along with the playback, like a tape under the head.
    if (m_zoom > 1.0 && (ms < m_viewStartMs || ms >= m_viewStartMs + viewSpanMs())) {
        m_viewStartMs = ms - viewSpanMs() / 10;
        clampView();
    }
    update();
}

void WaveformView::setLoop(std::optional<LoopRange> loop)
{
    m_loop = loop;
    update();
}

void WaveformView::setBookmarks(const QVector<BookmarkRow> &bookmarks)
{
    m_bookmarks = bookmarks;
    update();
}

void WaveformView::clear()
{
    m_peaks = PeakSummary();
    m_durationMs = 0;
    m_positionMs = 0;
    m_loop.reset();
    m_bookmarks.clear();
    m_zoom = 1.0;
    m_viewStartMs = 0;
    update();
}

qint64 WaveformView::viewSpanMs() const
{
    return std::max<qint64>(1, static_cast<qint64>(static_cast<double>(m_durationMs) / m_zoom));
}

void WaveformView::setZoom(double zoom, std::optional<qint64> anchorMs)
{
    const double clamped = std::clamp(zoom, 1.0, kMaxZoom);
    if (clamped == m_zoom)
        return;
    // Keep the anchor (the pointer, else the position) where it is on screen.
    const qint64 anchor = anchorMs.value_or(m_positionMs);
    const double fraction =
        static_cast<double>(anchor - m_viewStartMs) / static_cast<double>(viewSpanMs());
    m_zoom = clamped;
    m_viewStartMs = anchor - static_cast<qint64>(fraction * static_cast<double>(viewSpanMs()));
    clampView();
    update();
    emit zoomChanged(m_zoom);
}

void WaveformView::clampView()
{
    m_viewStartMs =
        std::clamp<qint64>(m_viewStartMs, 0, std::max<qint64>(0, m_durationMs - viewSpanMs()));
}

qint64 WaveformView::msAt(int x) const
{
    const int width = std::max(1, this->width() - kLaneLabelWidth);
    const double fraction = std::clamp(static_cast<double>(x - kLaneLabelWidth) / width, 0.0, 1.0);
    return std::clamp<qint64>(m_viewStartMs +
                                  static_cast<qint64>(fraction * static_cast<double>(viewSpanMs())),
                              0, m_durationMs);
}

int WaveformView::xAt(qint64 ms) const
{
    const int width = std::max(1, this->width() - kLaneLabelWidth);
    return kLaneLabelWidth + static_cast<int>(static_cast<double>(ms - m_viewStartMs) * width /
                                              static_cast<double>(viewSpanMs()));
}

QSize WaveformView::sizeHint() const
{
    return {640, 140};
}

QSize WaveformView::minimumSizeHint() const
{
    return {kLaneLabelWidth + 100, 80};
}

void WaveformView::paintLane(QPainter &painter, int lane, const QRect &area) const
{
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, area.top(), kLaneLabelWidth - 4, area.height()),
                     Qt::AlignVCenter | Qt::AlignRight, lane == 0 ? tr("Agent") : tr("Customer"));
    const int laneIndex = std::min<int>(lane, static_cast<int>(m_peaks.lanes.size()) - 1);
    if (laneIndex < 0 || m_peaks.bucketCount() == 0 || m_peaks.bucketMs <= 0)
        return;
    const QByteArray &peaks = m_peaks.lanes.at(laneIndex);
    const QColor color = lane == 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0x15, 0x65, 0xc0);
    painter.setPen(color);
    const int mid = area.center().y();
    const int half = area.height() / 2 - 1;
    for (int x = area.left(); x <= area.right(); ++x) {
        // The loudest bucket under this pixel column, so short words stay visible.
        const qint64 from = msAt(x) / m_peaks.bucketMs;
        const qint64 to = std::max(from + 1, msAt(x + 1) / m_peaks.bucketMs);
        int peak = 0;
        for (qint64 b = from; b < to && b < peaks.size(); ++b)
            peak = std::max(peak, int(static_cast<quint8>(peaks.at(b))));
        const int h = peak * half / 255;
        painter.drawLine(x, mid - h, x, mid + h);
    }
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const int laneHeight = height() / 2;
    const QRect agent(kLaneLabelWidth, 0, width() - kLaneLabelWidth, laneHeight);
    const QRect customer(kLaneLabelWidth, laneHeight, width() - kLaneLabelWidth,
                         height() - laneHeight);
    if (m_loop) {
        const int a = xAt(m_loop->aMs);
        const int b = xAt(m_loop->bMs);
        painter.fillRect(QRect(QPoint(a, 0), QPoint(b, height())), QColor(255, 193, 7, 60));
    }
    if (m_durationMs > 0) {
        // What has been played is tinted, like a progress bar under the lanes.
        QColor played = palette().color(QPalette::Highlight);
        played.setAlpha(40);
        painter.fillRect(QRect(QPoint(kLaneLabelWidth, 0), QPoint(xAt(m_positionMs), height())),
                         played);
    }
    paintLane(painter, 0, agent);
    paintLane(painter, 1, customer);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(kLaneLabelWidth, laneHeight, width(), laneHeight);
    if (m_peaks.bucketCount() == 0 && m_durationMs > 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(
            agent.united(customer), Qt::AlignCenter,
            tr("No waveform stored for this recording; it appears once playback starts."));
    }
    painter.setPen(QPen(QColor(0xc6, 0x28, 0x28), 1));
    for (const BookmarkRow &b : m_bookmarks) {
        const int x = xAt(b.offsetMs);
        painter.drawLine(x, 0, x, height());
        painter.drawText(QPoint(x + 2, 10), QStringLiteral("\u25BC"));
    }
    if (m_durationMs > 0) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        const int x = xAt(m_positionMs);
        painter.drawLine(x, 0, x, height());
    }
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_durationMs > 0)
        emit seekRequested(msAt(qRound(event->position().x())));
}

void WaveformView::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_durationMs > 0)
        emit seekRequested(msAt(qRound(event->position().x()))); // drag to scrub
}

void WaveformView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0 || m_durationMs <= 0)
        return;
    const qint64 anchor = msAt(qRound(event->position().x()));
    setZoom(steps > 0 ? m_zoom * 2 : m_zoom / 2, anchor);
    event->accept();
}

const BookmarkRow *WaveformView::bookmarkNear(int x) const
{
    for (const BookmarkRow &b : m_bookmarks) {
        if (std::abs(xAt(b.offsetMs) - x) <= kMarkerHitPx)
            return &b;
    }
    return nullptr;
}

QString WaveformView::bookmarkToolTipAt(int x) const
{
    const BookmarkRow *b = bookmarkNear(x);
    if (!b)
        return QString();
    const QString note = b->text.isEmpty() ? tr("(no note)") : b->text;
    return tr("%1 — %2 (%3)").arg(offsettext::format(b->offsetMs), note, b->author);
}

bool WaveformView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = bookmarkToolTipAt(help->pos().x());
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), tip, this);
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace cv
