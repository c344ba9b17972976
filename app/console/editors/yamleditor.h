// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace Airgate::Console {

class WorkspaceModel;

/** @brief YAML colours: keys, strings, numbers and booleans, comments, anchors, document markers.
 */
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override;
};

/**
 * @brief A plain-text editor with line numbers in a gutter on the left. The numbers can start
 * anywhere: the YAML view numbers a resource's lines as they are in its file.
 */
class CodeEdit final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEdit(QWidget *parent = nullptr);
    /** The number shown beside the first line (1 by default). */
    void setFirstLineNumber(int n);
    int firstLineNumber() const { return m_first; }
    QWidget *lineNumberArea() const { return m_gutter; }
    int lineNumberAreaWidth() const;
    /** The numbers painted beside the lines now visible, top to bottom (tests). */
    QList<int> visibleLineNumbers() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateMargins();
    QWidget *m_gutter;
    int m_first = 1;
};

/**
 * @brief The YAML view of the selected resource, synced both ways with the form: edits here are
 * applied (as one undo step) once the text parses, diagnostics are underlined at their line.
 */
class YamlEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlEditor)

public:
    explicit YamlEditor(WorkspaceModel *model, QWidget *parent = nullptr);

    void setResource(const QString &key);
    QPlainTextEdit *editor() const { return m_edit; }
    CodeEdit *codeEdit() const { return m_edit; }
    /** Moves the cursor to a 1-based file line of the resource; @return whether it is inside it. */
    bool goToFileLine(int fileLine);
    /** Editor lines (1-based) that carry an underlined diagnostic. */
    QList<int> problemLines() const { return m_problemLines; }
    /** Text typed here that does not parse, so it is not in the model yet (empty when none). */
    QString unappliedError() const { return m_unappliedError; }
    /// Typing is applied this long after the last keystroke.
    static constexpr int kApplyDelayMs = 600;

private:
    void load();
    void apply();
    void underline();

    WorkspaceModel *m_model;
    QString m_key;
    CodeEdit *m_edit;
    QLabel *m_status;
    QTimer m_apply;
    bool m_loading = false;
    QString m_unappliedError;
    QList<int> m_problemLines;
};

} // namespace Airgate::Console
