#pragma once

#include "codec/peaksummary.h"
#include "playback/playbackstream.h"
#include "tags/bookmarkrepository.h"

#include <QVector>
#include <QWidget>
#include <optional>

namespace cv {

// Two waveform lanes, agent above and customer below, drawn from the stored peaks (no
// audio is decoded for them), with the played position, the A-B loop, and bookmarks as
// markers whose notes show as tooltips. Click or drag seeks; the wheel (or zoomIn/zoomOut)
// zooms around the pointer, and a zoomed view follows the position while it plays.
class WaveformView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr double kMaxZoom = 64.0;

    explicit WaveformView(QWidget *parent = nullptr);

    void setPeaks(const PeakSummary &peaks, qint64 durationMs);
    void setPosition(qint64 ms);
    void setLoop(std::optional<LoopRange> loop);
    void setBookmarks(const QVector<BookmarkRow> &bookmarks);
    void clear();

    double zoom() const { return m_zoom; }
    void setZoom(double zoom, std::optional<qint64> anchorMs = std::nullopt);
    void zoomIn() { setZoom(m_zoom * 2); }
    void zoomOut() { setZoom(m_zoom / 2); }
    qint64 viewStartMs() const { return m_viewStartMs; }
    qint64 viewSpanMs() const;
    // The recording time under x (clamped), and the x of a time.
    qint64 msAt(int x) const;
    int xAt(qint64 ms) const;
    // The tooltip of the bookmark marker under x ("2:03.456 — note (author)"), or empty.
    QString bookmarkToolTipAt(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 ms);
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;

private:
    void paintLane(QPainter &painter, int lane, const QRect &area) const;
    const BookmarkRow *bookmarkNear(int x) const;
    void clampView();

    PeakSummary m_peaks;
    qint64 m_durationMs = 0;
    qint64 m_positionMs = 0;
    std::optional<LoopRange> m_loop;
    QVector<BookmarkRow> m_bookmarks;
    double m_zoom = 1.0;
    qint64 m_viewStartMs = 0;
};

} // namespace cv
