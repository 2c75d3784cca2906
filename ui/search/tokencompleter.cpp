#include "tokencompleter.h"

#include <QLineEdit>
#include <QRegularExpression>

namespace cv {

namespace {

const QRegularExpression &separator()
{
    static const QRegularExpression re(QStringLiteral("[,，]"));
    return re;
}

} // namespace

TokenCompleter::TokenCompleter(const QStringList &words, QLineEdit *edit)
    : QCompleter(words, edit), m_edit(edit)
{
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchStartsWith);
    edit->setCompleter(this);
}

QStringList TokenCompleter::splitPath(const QString &path) const
{
    // Only the item after the last separator is matched against the words.
    return {path.split(separator()).constLast().trimmed()};
}

QString TokenCompleter::pathFromIndex(const QModelIndex &index) const
{
    // The chosen word replaces the item being typed; the items before it stay.
    const QString chosen = QCompleter::pathFromIndex(index);
    const QString text = m_edit->text();
    const qsizetype cut = text.lastIndexOf(separator());
    return cut < 0 ? chosen : text.left(cut + 1) + QLatin1Char(' ') + chosen;
}

QStringList TokenCompleter::items(const QString &text)
{
    QStringList result;
    for (const QString &item : text.split(separator())) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result << trimmed;
    }
    return result;
}

} // namespace cv
