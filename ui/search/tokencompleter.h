#pragma once

#include <QCompleter>

class QLineEdit;

namespace cv {

// Completes the item being typed in a comma-separated list ("投诉, 表扬, VI|"), where a
// plain QCompleter would complete the whole text. Separators: ',' and '，' (full width).
class TokenCompleter final : public QCompleter
{
    Q_OBJECT

public:
    TokenCompleter(const QStringList &words, QLineEdit *edit);

    QString pathFromIndex(const QModelIndex &index) const override;
    QStringList splitPath(const QString &path) const override;

    // The items of a list as typed, trimmed, without empty ones.
    static QStringList items(const QString &text);

private:
    QLineEdit *m_edit;
};

} // namespace cv
