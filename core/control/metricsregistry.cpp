#include "metricsregistry.h"

#include "controllogging.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cv::control {

void MetricsRegistry::Gauge::add(double delta) noexcept
{
    // std::atomic<double>::fetch_add is C++20; a CAS loop is the C++17 equivalent.
    double current = m_value->load(std::memory_order_relaxed);
    while (!m_value->compare_exchange_weak(current, current + delta, std::memory_order_relaxed)) {
    }
}

bool MetricsRegistry::isValidMetricName(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

bool MetricsRegistry::isValidLabelName(const QByteArray &name)
{
    if (name.isEmpty() || name.startsWith("__"))
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

QByteArray MetricsRegistry::escapeLabelValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsRegistry::formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    // Shortest representation that reads back as the same double.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, qsizetype(result.ptr - buffer));
}

namespace {

// HELP text escaping: backslash and line feed only (exposition format 0.0.4).
QByteArray escapeHelp(const QByteArray &help)
{
    QByteArray out;
    out.reserve(help.size());
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

const char *typeName(MetricsRegistry::Type type)
{
    return type == MetricsRegistry::Type::Counter ? "counter" : "gauge";
}

} // namespace

void MetricsRegistry::reject(const QString &message)
{
    qCCritical(lcControl).noquote() << "metrics:" << message;
    m_errors.append(message);
}

MetricsRegistry::Series *MetricsRegistry::seriesFor(Type type, const QByteArray &name,
                                                    const QByteArray &help, const Labels &labels)
{
    if (!isValidMetricName(name)) {
        reject(QStringLiteral("metric name \"%1\" is not valid").arg(QString::fromUtf8(name)));
        return nullptr;
    }
    Labels sorted = labels;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray key;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (!isValidLabelName(sorted[i].first) ||
            (i > 0 && sorted[i].first == sorted[i - 1].first)) {
            reject(QStringLiteral("label \"%1\" of metric \"%2\" is not valid or repeated")
                       .arg(QString::fromUtf8(sorted[i].first), QString::fromUtf8(name)));
            return nullptr;
        }
        key += (i == 0 ? "{" : ",") + sorted[i].first + "=\"" + escapeLabelValue(sorted[i].second) +
               '"';
    }
    if (!key.isEmpty())
        key += '}';

    auto found = m_families.find(name);
    if (found == m_families.end()) {
        Family family;
        family.type = type;
        family.help = help;
        found = m_families.emplace(name, std::move(family)).first;
    } else if (found->second.type != type) {
        reject(QStringLiteral("metric \"%1\" is registered as a %2 and as a %3")
                   .arg(QString::fromUtf8(name), QLatin1String(typeName(found->second.type)),
                        QLatin1String(typeName(type))));
        return nullptr;
    }
    return &found->second.series[key];
}

MetricsRegistry::Counter MetricsRegistry::counter(const QByteArray &name, const QByteArray &help,
                                                  const Labels &labels)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Series *series = seriesFor(Type::Counter, name, help, labels);
    if (!series)
        return Counter(&m_counterSink);
    if (!series->counter) {
        if (series->callback) {
            reject(QStringLiteral("metric \"%1\" already has a callback series with these labels")
                       .arg(QString::fromUtf8(name)));
            return Counter(&m_counterSink);
        }
        series->counter = std::make_unique<std::atomic<quint64>>(0);
    }
    return Counter(series->counter.get());
}

MetricsRegistry::Gauge MetricsRegistry::gauge(const QByteArray &name, const QByteArray &help,
                                              const Labels &labels)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Series *series = seriesFor(Type::Gauge, name, help, labels);
    if (!series)
        return Gauge(&m_gaugeSink);
    if (!series->gauge) {
        if (series->callback) {
            reject(QStringLiteral("metric \"%1\" already has a callback series with these labels")
                       .arg(QString::fromUtf8(name)));
            return Gauge(&m_gaugeSink);
        }
        series->gauge = std::make_unique<std::atomic<double>>(0.0);
    }
    return Gauge(series->gauge.get());
}

void MetricsRegistry::callback(Type type, const QByteArray &name, const QByteArray &help,
                               const Labels &labels, std::function<double()> value)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Series *series = seriesFor(type, name, help, labels);
    if (!series)
        return;
    if (series->counter || series->gauge) {
        reject(QStringLiteral("metric \"%1\" already has an updated series with these labels")
                   .arg(QString::fromUtf8(name)));
        return;
    }
    series->callback = std::move(value);
}

QByteArray MetricsRegistry::exposition() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QByteArray out;
    for (const auto &[name, family] : m_families) {
        out += "# HELP " + name + ' ' + escapeHelp(family.help) + '\n';
        out += "# TYPE " + name + ' ' + typeName(family.type) + '\n';
        for (const auto &[labels, series] : family.series) {
            out += name + labels + ' ';
            if (series.counter)
                out += QByteArray::number(series.counter->load(std::memory_order_relaxed));
            else if (series.gauge)
                out += formatValue(series.gauge->load(std::memory_order_relaxed));
            else if (series.callback)
                out += formatValue(series.callback());
            else
                out += '0';
            out += '\n';
        }
    }
    return out;
}

QStringList MetricsRegistry::errors() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_errors;
}

} // namespace cv::control
