#include "savedsearches.h"

#include <QCollator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace cv {

namespace {

// QSettings keys may not hold '/' or '\'; names are stored as hex of their UTF-8.
QString keyOf(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toHex());
}

QString nameOf(const QString &key)
{
    return QString::fromUtf8(QByteArray::fromHex(key.toLatin1()));
}

} // namespace

SavedSearches::SavedSearches(const QString &siteId, const QString &userName)
    : m_group(QStringLiteral("savedSearches/%1/%2").arg(siteId, keyOf(userName)))
{
}

QStringList SavedSearches::names() const
{
    QSettings settings;
    settings.beginGroup(m_group);
    QStringList result;
    for (const QString &key : settings.childKeys())
        result << nameOf(key);
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(result.begin(), result.end(), collator);
    return result;
}

Result<SavedSearch> SavedSearches::load(const QString &name) const
{
    QSettings settings;
    settings.beginGroup(m_group);
    const QByteArray text = settings.value(keyOf(name)).toByteArray();
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    if (json.isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no saved search \"%1\".").arg(name));
    auto query = SearchQuery::fromJson(json.value(QStringLiteral("query")).toObject());
    if (!query)
        return query.error();
    SavedSearch saved;
    saved.name = name;
    saved.request.query = query.takeValue();
    for (const QJsonValue &tag : json.value(QStringLiteral("tags")).toArray())
        saved.request.tagNames << tag.toString();
    const int preset = json.value(QStringLiteral("preset")).toInt();
    saved.preset = preset >= 0 && preset <= static_cast<int>(TimePreset::Custom) ? static_cast<TimePreset>(preset)
                                                                                 : TimePreset::Custom;
    return saved;
}

Result<void> SavedSearches::save(const SavedSearch &search)
{
    const QString name = search.name.trimmed();
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return makeError(ErrorCode::InvalidArgument, tr("A saved search needs a name of 1 to %1 characters.")
                                                         .arg(kMaxNameLength));
    QJsonObject json;
    json.insert(QStringLiteral("query"), search.request.query.toJson());
    json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(search.request.tagNames));
    json.insert(QStringLiteral("preset"), static_cast<int>(search.preset));
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(keyOf(name), QJsonDocument(json).toJson(QJsonDocument::Compact));
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return makeError(ErrorCode::Io, tr("The saved searches could not be written."));
    return {};
}

void SavedSearches::remove(const QString &name)
{
    QSettings settings;
    settings.beginGroup(m_group);
    settings.remove(keyOf(name));
}

} // namespace cv
