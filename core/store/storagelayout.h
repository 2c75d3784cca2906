#pragma once

#include <QDateTime>
#include <QDir>
#include <QString>
#include <QUuid>

namespace cv {

// Where a site keeps its recording files. The catalog stores paths relative to the site
// directory, so a site can be moved or restored elsewhere.
struct StorageLayout
{
    QString siteDirectory;

    QString spoolDirectory() const { return QDir(siteDirectory).filePath(QStringLiteral("spool")); }
    QString hotDirectory() const { return QDir(siteDirectory).filePath(QStringLiteral("hot")); }
    QString absolutePath(const QString &relative) const { return QDir(siteDirectory).absoluteFilePath(relative); }
    QString relativePath(const QString &absolute) const { return QDir(siteDirectory).relativeFilePath(absolute); }
    // hot/YYYY/MM/DD/<uuid>.cvr, by the call's start (UTC): a day's calls share a folder.
    QString hotRelativePath(const QUuid &id, const QDateTime &startedAt) const
    {
        return QStringLiteral("hot/%1/%2.cvr")
            .arg(startedAt.toUTC().toString(QStringLiteral("yyyy/MM/dd")), id.toString(QUuid::WithoutBraces));
    }
    QString spoolContainerPath(const QUuid &id) const
    {
        return QDir(spoolDirectory()).filePath(id.toString(QUuid::WithoutBraces) + QStringLiteral(".cvr"));
    }
    QString spoolSidecarPath(const QUuid &id) const { return spoolContainerPath(id) + QStringLiteral(".key"); }
};

} // namespace cv
