#include "settingsadminpanel.h"

#include "auth/settingsadmin.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cv {

namespace {

enum Column { Key = 0, Description, Value, Range, ColumnCount };

QString rangeText(const SettingSpec &spec)
{
    if (spec.type == SettingSpec::Type::Boolean)
        return QStringLiteral("true / false");
    return QStringLiteral("%1 … %2").arg(spec.minimum).arg(spec.maximum);
}

} // namespace

SettingsAdminPanel::SettingsAdminPanel(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent), m_db(db), m_principal(principal), m_table(new QTableWidget(0, ColumnCount, this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsAdminPanel"));
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Meaning"), tr("Value"), tr("Allowed")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Double-click a value to change it."));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { edit(row); });
    reload();
}

void SettingsAdminPanel::reload()
{
    auto settings = SettingsAdmin(m_db).list(m_principal);
    m_table->setRowCount(0);
    if (!settings) {
        m_message->setText(settings.errorMessage());
        return;
    }
    for (const auto &[setting, value] : settings.value()) {
        const SettingSpec &spec = Settings::spec(setting);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *key = new QTableWidgetItem(QString::fromLatin1(spec.key));
        key->setData(Qt::UserRole, static_cast<int>(setting));
        m_table->setItem(row, Key, key);
        // The descriptions are the catalog's own (English); the keys are what the CLI takes.
        m_table->setItem(row, Description, new QTableWidgetItem(QString::fromLatin1(spec.description)));
        m_table->setItem(row, Value, new QTableWidgetItem(value));
        m_table->setItem(row, Range, new QTableWidgetItem(rangeText(spec)));
        if (!m_principal.has(spec.permission))
            m_table->item(row, Value)->setToolTip(
                tr("Your role (%1) may not change this setting.").arg(m_principal.role));
    }
    m_table->resizeColumnsToContents();
}

QString SettingsAdminPanel::valueOf(Setting setting) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, Key)->data(Qt::UserRole).toInt() == static_cast<int>(setting))
            return m_table->item(row, Value)->text();
    }
    return {};
}

bool SettingsAdminPanel::setValue(Setting setting, const QString &value)
{
    auto stored = SettingsAdmin(m_db).set(m_principal, setting, value.trimmed());
    if (!stored) {
        m_message->setText(tr("Refused: %1").arg(stored.errorMessage()));
        return false;
    }
    m_message->setText(tr("%1 is now %2.").arg(QString::fromLatin1(Settings::spec(setting).key), stored.value()));
    reload();
    return true;
}

void SettingsAdminPanel::edit(int row)
{
    const auto setting = static_cast<Setting>(m_table->item(row, Key)->data(Qt::UserRole).toInt());
    bool ok = false;
    const QString value = QInputDialog::getText(this, tr("Change setting"), QString::fromLatin1(Settings::spec(setting).key),
                                                QLineEdit::Normal, m_table->item(row, Value)->text(), &ok);
    if (ok)
        setValue(setting, value);
}

} // namespace cv
