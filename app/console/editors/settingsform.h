// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yaml/yamlnode.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace Airgate::Console {

class WorkspaceModel;

/**
 * @brief The form of `airgate.yaml`, the workstation's local settings: entry points, services,
 * OpenAPI documents served for APIs, portal previews, local JWKS copies and limits, each a list
 * of key → value rows. Edits become airgate.yaml text in the model (undoable, saved like any
 * file) and are validated as they are typed; problems show under their row and, with
 * `airgate.yaml:line:col`, above the form and in the problems panel.
 *
 * Row widgets are named "<section>[<key>]#key" and "<section>[<key>]#value".
 */
class SettingsForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsForm)

public:
    explicit SettingsForm(WorkspaceModel *model, QWidget *parent = nullptr);

    /** The sections, in the order shown: entryPoints, services, specs, portalPreview, jwks,
     * limits. */
    static QStringList sections();
    QLineEdit *keyEdit(const QString &section, const QString &key) const;
    QLineEdit *valueEdit(const QString &section, const QString &key) const;
    /** The problem shown under a row (empty when none). */
    QString rowProblem(const QString &section, const QString &key) const;
    /** Every problem of airgate.yaml as shown above the form ("airgate.yaml:3:9: …"). */
    QString problemsText() const;
    /** Adds a row to @p section (a placeholder key the user then renames); @return its key. */
    QString addRow(const QString &section);
    void removeRow(const QString &section, const QString &key);
    /** Focuses the row at @p line of airgate.yaml; @return whether one is there. */
    bool focusLine(int line);
    /// Typing in a value is applied this long after the last keystroke.
    static constexpr int kApplyDelayMs = 400;

private:
    struct Row
    {
        QString section;
        QString key;
        int keyLine = 0;
        int valueLine = 0;
        QPointer<QLineEdit> keyEdit;
        QPointer<QLineEdit> valueEdit;
        QPointer<QLabel> problem;
    };
    void sync();
    void rebuild();
    void refresh();
    void showProblems();
    /** Applies a row's value (typed) or key (renamed). */
    void applyValue(const QString &section, const QString &key, const QString &text);
    void applyKey(const QString &section, const QString &from, const QString &to);
    /** Edits the parsed text with @p fn and writes it back; false when airgate.yaml does not
     * parse (the form then waits for the YAML view to fix it). */
    bool edit(const std::function<void(Yaml::Node &root)> &fn, const QString &mergeKey);
    QString signature() const;

    WorkspaceModel *m_model;
    QVBoxLayout *m_layout;
    QLabel *m_problems;
    QLabel *m_broken;
    QWidget *m_body = nullptr;
    QList<Row> m_rows;
    QString m_signature;
    QTimer m_apply;
    QPointer<QLineEdit> m_pending; ///< the value being typed, applied by m_apply
    bool m_updating = false;
};

} // namespace Airgate::Console
