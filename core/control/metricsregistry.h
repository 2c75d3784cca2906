#pragma once

#include <QByteArray>
#include <QPair>
#include <QStringList>
#include <QVector>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace cv::control {

// Counters and gauges for the recorder's /metrics endpoint, exposed in the Prometheus text
// format 0.0.4. Registration (rare, at start-up or when a new label value first appears)
// takes a mutex; the handles it returns update one std::atomic with relaxed ordering, so
// capture and writer threads can count every packet without locking or allocating.
// Handles stay valid as long as the registry lives; series are never removed, so label
// values must come from small fixed sets (a leg, an interface, a queue name), never from
// call ids or phone numbers.
//
// Names follow Prometheus rules ([a-zA-Z_:][a-zA-Z0-9_:]*, label names without a leading
// "__"); CallVault's recorder names everything callvault_recorder_*, counters end in _total
// and units are base units (_bytes, _seconds). A registration that breaks a rule (bad
// name, same name with another type) is not exported: it returns a handle to a sink, logs
// a critical message and is listed by errors(), so a typo cannot take the recorder down.
class MetricsRegistry final
{
public:
    using Labels = QVector<QPair<QByteArray, QByteArray>>; // name, UTF-8 value
    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

    enum class Type : int
    {
        Counter = 0,
        Gauge = 1
    };

    class Counter final
    {
    public:
        void inc(quint64 n = 1) noexcept { m_value->fetch_add(n, std::memory_order_relaxed); }
        quint64 value() const noexcept { return m_value->load(std::memory_order_relaxed); }

    private:
        friend class MetricsRegistry;
        explicit Counter(std::atomic<quint64> *value) : m_value(value) {}
        std::atomic<quint64> *m_value;
    };

    class Gauge final
    {
    public:
        void set(double v) noexcept { m_value->store(v, std::memory_order_relaxed); }
        void add(double delta) noexcept;
        void inc() noexcept { add(1.0); }
        void dec() noexcept { add(-1.0); }
        double value() const noexcept { return m_value->load(std::memory_order_relaxed); }

    private:
        friend class MetricsRegistry;
        explicit Gauge(std::atomic<double> *value) : m_value(value) {}
        std::atomic<double> *m_value;
    };

    MetricsRegistry() = default;
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // Registering the same name and label set again returns the same series.
    Counter counter(const QByteArray &name, const QByteArray &help, const Labels &labels = {});
    Gauge gauge(const QByteArray &name, const QByteArray &help, const Labels &labels = {});
    // A series whose value is computed at scrape time on the server's thread (disk free,
    // spool age, a queue's depth read from the queue). The function must be thread-safe,
    // quick, and must not call this registry. Registering it again replaces the function.
    void callback(Type type, const QByteArray &name, const QByteArray &help, const Labels &labels,
                  std::function<double()> value);

    // The whole exposition: families sorted by name, series by label set.
    QByteArray exposition() const;
    QStringList errors() const;

    static bool isValidMetricName(const QByteArray &name);
    static bool isValidLabelName(const QByteArray &name);
    static QByteArray escapeLabelValue(const QByteArray &value);
    static QByteArray formatValue(double value);

private:
    struct Series
    {
        std::unique_ptr<std::atomic<quint64>> counter;
        std::unique_ptr<std::atomic<double>> gauge;
        std::function<double()> callback;
    };
    struct Family
    {
        Type type = Type::Counter;
        QByteArray help;
        std::map<QByteArray, Series> series; // key: rendered {labels}
    };

    // The series for name/labels, created if new; nullptr (and an error recorded) when the
    // registration breaks a rule. Called with m_mutex held.
    Series *seriesFor(Type type, const QByteArray &name, const QByteArray &help,
                      const Labels &labels);
    void reject(const QString &message);

    mutable std::mutex m_mutex;
    std::map<QByteArray, Family> m_families;
    QStringList m_errors;
    std::atomic<quint64> m_counterSink{0};
    std::atomic<double> m_gaugeSink{0.0};
};

} // namespace cv::control
