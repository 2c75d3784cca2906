#include "tageditor.h"

#include "search/tokencompleter.h"
#include "tags/tagservice.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace cv {

namespace {

constexpr int kVocabularyOffered = 500;

} // namespace

TagEditor::TagEditor(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_list(new QListWidget(this)),
      m_input(new QLineEdit(this)),
      m_add(new QPushButton(tr("Add"), this)),
      m_remove(new QPushButton(tr("Remove"), this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("tagEditor"));
    m_list->setObjectName(QStringLiteral("tagList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 4);
    m_input->setObjectName(QStringLiteral("tagInput"));
    m_input->setPlaceholderText(tr("new tags, separated by commas"));
    m_add->setObjectName(QStringLiteral("addTagButton"));
    m_remove->setObjectName(QStringLiteral("removeTagButton"));
    m_message->setObjectName(QStringLiteral("tagMessage"));
    m_message->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &TagEditor::addTyped);
    connect(m_input, &QLineEdit::returnPressed, this, &TagEditor::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &TagEditor::removeSelected);
    auto *del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &TagEditor::removeSelected);

    const bool mayTag = m_principal.has(Permission::RecordingTag);
    for (QWidget *w : {static_cast<QWidget *>(m_input), static_cast<QWidget *>(m_add),
                       static_cast<QWidget *>(m_remove)}) {
        w->setEnabled(mayTag);
        if (!mayTag)
            w->setToolTip(tr("Your role (%1) may not tag recordings.").arg(m_principal.role));
    }
    if (mayTag)
        refreshCompletion();
    setRecording({});
}

void TagEditor::setRecording(const QUuid &id)
{
    m_recording = id;
    m_message->clear();
    m_message->setVisible(!m_principal.has(Permission::RecordingTag));
    if (!m_principal.has(Permission::RecordingTag))
        m_message->setText(tr("Your role (%1) may not tag recordings.").arg(m_principal.role));
    setEnabled(!id.isNull());
    reload();
}

QStringList TagEditor::tags() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        names << m_list->item(i)->text();
    return names;
}

void TagEditor::reload()
{
    m_list->clear();
    if (m_recording.isNull())
        return;
    auto tags = TagService(m_db).tagsOf(m_principal, m_recording);
    if (!tags) {
        showError(tr("The tags could not be read: %1").arg(tags.errorMessage()));
        return;
    }
    for (const RecordingTagRow &tag : tags.value())
        m_list->addItem(tag.tag.name);
}

void TagEditor::refreshCompletion()
{
    auto vocabulary = TagService(m_db).names(m_principal, QString(), kVocabularyOffered);
    if (!vocabulary)
        return; // completion is a convenience; typing still works
    QStringList words;
    for (const TagRow &tag : vocabulary.value())
        words << tag.name;
    delete m_input->completer();
    new TokenCompleter(words, m_input);
}

void TagEditor::addTyped()
{
    const QStringList names = TokenCompleter::items(m_input->text());
    if (names.isEmpty() || m_recording.isNull())
        return;
    auto changed = TagService(m_db).tag(m_principal, m_recording, names);
    if (!changed) {
        showError(tr("The tags could not be changed: %1").arg(changed.errorMessage()));
        return;
    }
    m_input->clear();
    m_message->hide();
    reload();
    bool grew = false;
    for (const TagService::Change &change : changed.value())
        grew |= change.newTag;
    if (grew)
        refreshCompletion();
    emit tagsChanged(m_recording);
}

void TagEditor::removeSelected()
{
    QStringList names;
    for (const QListWidgetItem *item : m_list->selectedItems())
        names << item->text();
    if (names.isEmpty() || m_recording.isNull())
        return;
    auto changed = TagService(m_db).untag(m_principal, m_recording, names);
    if (!changed) {
        showError(tr("The tags could not be changed: %1").arg(changed.errorMessage()));
        return;
    }
    reload();
    emit tagsChanged(m_recording);
}

void TagEditor::showError(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

} // namespace cv
