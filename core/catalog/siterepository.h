#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <optional>

namespace cv {

class Database;

// The `sites` table. A catalog belongs to one site: insert() refuses a second one.
class SiteRepository final
{
public:
    explicit SiteRepository(Database &db);

    // ErrorCode::Conflict if the catalog already has a site.
    Result<void> insert(const SiteRow &row);
    // The site, or nullopt for a catalog that was never initialized.
    Result<std::optional<SiteRow>> get();

private:
    Database &m_db;
};

} // namespace cv
