#pragma once

#include "common/result.h"
#include "searchworker.h"
#include "timepreset.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace cv {

// A named search a person keeps: the filters, the tag names, and the time preset, so that
// "last 30 days" stays relative to the day it is run.
struct SavedSearch
{
    QString name;
    SearchRequest request;
    TimePreset preset = TimePreset::AnyTime;
};

// Each person's saved searches on this workstation, per site (QSettings, group
// "savedSearches/<site id>/<user>"), as JSON (SearchQuery::toJson). A saved entry that no
// longer parses (an older program's filters) is skipped, never half-applied.
class SavedSearches final
{
    Q_DECLARE_TR_FUNCTIONS(cv::SavedSearches)

public:
    static constexpr int kMaxNameLength = 80;

    SavedSearches(const QString &siteId, const QString &userName);

    QStringList names() const; // sorted for people
    Result<SavedSearch> load(const QString &name) const;
    // Replaces a search of the same name. InvalidArgument for an empty or too long name.
    Result<void> save(const SavedSearch &search);
    void remove(const QString &name);

private:
    QString m_group;
};

} // namespace cv
