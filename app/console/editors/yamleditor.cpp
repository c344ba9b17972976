// SPDX-License-Identifier: Apache-2.0
#include "yamleditor.h"

#include "consoletr.h"
#include "models/workspacemodel.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Airgate::Console {

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression key(
        QStringLiteral(R"(^(\s*(?:-\s+)?)([^\s#:'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?=\s|$))"));
    static const QRegularExpression str(QStringLiteral(R"("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"));
    static const QRegularExpression scalar(
        QStringLiteral(R"(:\s+(true|false|null|~|-?\d+(?:\.\d+)?)\s*(?:#.*)?$)"));
    static const QRegularExpression anchor(QStringLiteral(R"([&*][A-Za-z0-9_-]+)"));
    QTextCharFormat keyFmt;
    keyFmt.setForeground(QColor(0x1a, 0x5f, 0xb4));
    keyFmt.setFontWeight(QFont::DemiBold);
    QTextCharFormat strFmt;
    strFmt.setForeground(QColor(0x26, 0xa2, 0x69));
    QTextCharFormat litFmt;
    litFmt.setForeground(QColor(0xc6, 0x46, 0x00));
    QTextCharFormat commentFmt;
    commentFmt.setForeground(QColor(0x86, 0x86, 0x86));
    commentFmt.setFontItalic(true);
    QTextCharFormat markerFmt;
    markerFmt.setForeground(QColor(0x91, 0x41, 0xac));
    if (text.startsWith(QLatin1StringView("---")) || text.startsWith(QLatin1StringView("..."))) {
        setFormat(0, static_cast<int>(text.size()), markerFmt);
        return;
    }
    if (auto m = key.match(text); m.hasMatch())
        setFormat(static_cast<int>(m.capturedStart(2)), static_cast<int>(m.capturedLength(2)),
                  keyFmt);
    for (auto it = str.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  strFmt);
    }
    if (auto m = scalar.match(text); m.hasMatch())
        setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)),
                  litFmt);
    for (auto it = anchor.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  markerFmt);
    }
    // A comment starts at a '#' that follows whitespace (or the line start) outside quotes.
    bool inSingle = false;
    bool inDouble = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\'' && !inDouble)
            inSingle = !inSingle;
        else if (c == u'"' && !inSingle)
            inDouble = !inDouble;
        else if (c == u'#' && !inSingle && !inDouble && (i == 0 || text[i - 1].isSpace())) {
            setFormat(static_cast<int>(i), static_cast<int>(text.size() - i), commentFmt);
            break;
        }
    }
}

namespace {

class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(CodeEdit *edit)
        : QWidget(edit)
        , m_edit(edit)
    {
        setObjectName(QStringLiteral("lineNumbers"));
    }
    QSize sizeHint() const override { return {m_edit->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintLineNumbers(event); }

private:
    CodeEdit *m_edit;
};

} // namespace

CodeEdit::CodeEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberArea(this))
{
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEdit::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateMargins();
}

void CodeEdit::setFirstLineNumber(int n)
{
    if (n == m_first)
        return;
    m_first = std::max(1, n);
    updateMargins();
    m_gutter->update();
}

int CodeEdit::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, m_first + blockCount() - 1); max >= 10; max /= 10)
        ++digits;
    return 8 + fontMetrics().horizontalAdvance(u'9') * std::max(digits, 2);
}

void CodeEdit::updateMargins()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateMargins();
}

QList<int> CodeEdit::visibleLineNumbers() const
{
    QList<int> out;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= viewport()->height()) {
        if (block.isVisible())
            out << m_first + block.blockNumber();
        top += qRound(blockBoundingRect(block).height());
        block = block.next();
    }
    return out;
}

void CodeEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter p(m_gutter);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            QFont f = font();
            f.setBold(block.blockNumber() == current);
            p.setFont(f);
            p.drawText(0, top, m_gutter->width() - 4, fontMetrics().height(), Qt::AlignRight,
                       QString::number(m_first + block.blockNumber()));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

YamlEditor::YamlEditor(WorkspaceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    m_edit = new CodeEdit(this);
    m_edit->setObjectName(QStringLiteral("yamlText"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(false);
    new YamlHighlighter(m_edit->document());
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("yamlStatus"));
    m_status->setWordWrap(true);
    v->addWidget(m_edit, 1);
    v->addWidget(m_status);
    m_apply.setSingleShot(true);
    m_apply.setInterval(kApplyDelayMs);
    connect(&m_apply, &QTimer::timeout, this, &YamlEditor::apply);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && !m_key.isEmpty())
            m_apply.start();
    });
    connect(m_model, &WorkspaceModel::changed, this, [this] {
        // The user's own typing is not overwritten while they type.
        if (!m_edit->hasFocus() || !m_apply.isActive())
            load();
    });
    connect(m_model, &WorkspaceModel::diagnosticsChanged, this, &YamlEditor::underline);
    // Save, export, reload, close and every other edit first take what was typed here.
    connect(m_model, &WorkspaceModel::pendingEditsRequested, this, [this] {
        if (m_apply.isActive())
            apply();
    });
    connect(m_model, &WorkspaceModel::resourceRenamed, this,
            [this](const QString &from, const QString &to) {
                if (from == m_key)
                    m_key = to;
            });
}

void YamlEditor::setResource(const QString &key)
{
    if (m_apply.isActive())
        apply();
    m_key = key;
    load();
}

void YamlEditor::load()
{
    m_unappliedError.clear();
    const QString text = m_key.isEmpty() ? QString() : m_model->yaml(m_key);
    if (text != m_edit->toPlainText()) {
        m_loading = true;
        const int pos = m_edit->textCursor().position();
        m_edit->setPlainText(text);
        QTextCursor c = m_edit->textCursor();
        c.setPosition(qMin(pos, static_cast<int>(text.size())));
        m_edit->setTextCursor(c);
        m_loading = false;
    }
    m_edit->setReadOnly(m_key.isEmpty());
    // Numbered as in the file, so a problem's line:column is found at a glance.
    m_edit->setFirstLineNumber(m_key.isEmpty() ? 1 : m_model->yamlFirstLine(m_key));
    underline();
}

void YamlEditor::apply()
{
    m_apply.stop();
    if (m_key.isEmpty())
        return;
    const QString error = m_model->setYaml(m_key, m_edit->toPlainText());
    m_unappliedError = error;
    if (error.isEmpty()) {
        m_status->clear();
        return;
    }
    m_status->setText(QStringLiteral("<span style='color:#c01c28'>%1</span>")
                          .arg(Tr::tr("Not applied: %1").arg(error).toHtmlEscaped()));
}

void YamlEditor::underline()
{
    QList<QTextEdit::ExtraSelection> sels;
    m_problemLines.clear();
    if (!m_key.isEmpty()) {
        const int first = m_model->yamlFirstLine(m_key);
        for (const Diagnostic &d : m_model->diagnosticsFor(m_key)) {
            if (d.severity == Diagnostic::Severity::Info || d.line <= 0)
                continue;
            const int line = d.line - first + 1;
            const QTextBlock block = m_edit->document()->findBlockByNumber(line - 1);
            if (!block.isValid())
                continue;
            QTextEdit::ExtraSelection s;
            s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            s.format.setUnderlineColor(d.isError() ? QColor(0xc0, 0x1c, 0x28)
                                                   : QColor(0xe5, 0xa5, 0x0a));
            s.format.setToolTip(d.message);
            s.cursor = QTextCursor(block);
            s.cursor.movePosition(QTextCursor::StartOfBlock);
            const QString text = block.text();
            int indent = 0; // underline from the first non-blank character
            while (indent < text.size() && text.at(indent).isSpace())
                ++indent;
            s.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::MoveAnchor,
                                  qMax(0, indent));
            s.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            sels << s;
            m_problemLines << line;
        }
    }
    m_edit->setExtraSelections(sels);
}

bool YamlEditor::goToFileLine(int fileLine)
{
    if (m_key.isEmpty())
        return false;
    const int line = fileLine - m_model->yamlFirstLine(m_key) + 1;
    const QTextBlock block = m_edit->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return false;
    QTextCursor c(block);
    m_edit->setTextCursor(c);
    m_edit->centerCursor();
    m_edit->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace Airgate::Console
