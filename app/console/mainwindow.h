// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/kind.h"

#include <QIcon>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTreeView;
class QMenu;
class QDockWidget;
class QSplitter;

namespace Airgate::Console {

class FormEditor;
class GatewayPanel;
class GatewaySupervisor;
class KeyManager;
class ProblemsModel;
class ResourceFilterModel;
class ResourceTreeModel;
class SecretStore;
class WorkspaceModel;
class YamlEditor;

/**
 * @brief The console window: workspace tree (left), form and YAML editors (centre), problems and
 * the gateway (bottom docks). Owns the models; widgets only talk to them.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /** @p store: where plaintext keys go (the OS keychain when null). */
    explicit MainWindow(SecretStore *store = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens a workspace; offers to restore a crash journal when @p askJournal. */
    bool openWorkspace(const QString &dir, bool askJournal = true);
    void selectResource(const QString &key);
    QString currentResource() const { return m_current; }
    /** Problems panel navigation: selects the resource, focuses the field and the YAML line. */
    void goToProblem(int row);
    /** Saves every changed file (Ctrl+Shift+S); @return whether all were written. */
    bool saveAll();
    /** Opens a workspace file's whole text (one that does not parse) at @p line to fix it. */
    void editFile(const QString &relPath, int line, int column, const QString &problem);
    bool saveCurrentFile();
    void exportWorkspace(const QString &outDir, const QString &layout, bool force);
    /** Exports; @return why it did not, or empty (the export dialog shows it and stays open). */
    QString exportTo(const QString &outDir, const QString &layout, bool force);

    WorkspaceModel *model() const { return m_model; }
    FormEditor *formEditor() const { return m_form; }
    YamlEditor *yamlEditor() const { return m_yaml; }
    QTabWidget *editorTabs() const { return m_tabs; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }
    QTableView *problemsView() const { return m_problems; }
    ProblemsModel *problemsModel() const { return m_problemsModel; }
    GatewaySupervisor *gateway() const { return m_gateway; }
    GatewayPanel *gatewayPanel() const { return m_gatewayPanel; }
    KeyManager *keyManager() const { return m_keys; }
    QDockWidget *gatewayDock() const { return m_gatewayDock; }
    /** Applies the settings: theme ("system", "light", "dark") and font point size (0 = system). */
    static void applyAppearance(const QString &theme, int pointSize);

    static QStringList recentWorkspaces();
    /** Where a file dialog opens: @p remembered when it still exists, else the workspace. */
    QString startFolder(const QString &remembered) const;
    /** Where the offline manual is looked for, in order; and the first that exists. */
    static QStringList manualCandidates();
    static QString manualPath();
    /** The About box's text: the facts `airgatectl version` prints (BuildInfo), as a table. */
    static QString aboutText();
    /** The application icon: the theme's `airgate` (the packages install it in hicolor), else
        the PNGs rendered from resources/icons/airgate.svg into the resources. */
    static QIcon appIcon();
    /** Help ▸ Keyboard shortcuts: every menu shortcut, read from the menus. */
    void showShortcuts();
    /** Writes geometry, docks, splitters, editor tab and gateway panel layout to QSettings. */
    void saveLayout();
    /** Shows the gateway dock in front, tall enough for kGatewayLogRows access log rows. */
    void showGatewayLog();
    static constexpr int kGatewayLogRows = 6;
    /// Layout changes are written this long after the last one.
    static constexpr int kLayoutSaveDelayMs = 1000;

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitGatewayDock(int attempt);
    void buildActions();
    void buildDocks();
    void updateTitle();
    void updateStatus();
    void onExternalChange(const QStringList &files, bool conflicting);
    void addRecent(const QString &dir);
    void rebuildRecentMenu();
    void newResource(Kind kind, const QString &fieldToFill = {});
    void runWizard(int which);
    void renameCurrent();
    void deleteCurrent();
    void manageKeys();
    void showExportDialog();
    void showSettings();
    void openDialog();
    QString currentNamespace() const;
    bool maybeSave();
    /** Applies pending edits, then asks about unparsed YAML and files changed on disk since
     * they were loaded; @return whether saving @p files may go on. */
    bool readyToSave(const QStringList &files);

    WorkspaceModel *m_model;
    SecretStore *m_store;
    KeyManager *m_keys;
    GatewaySupervisor *m_gateway;
    ResourceTreeModel *m_treeModel;
    ResourceFilterModel *m_treeFilter;
    ProblemsModel *m_problemsModel;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_filter = nullptr;
    QTabWidget *m_tabs = nullptr;
    FormEditor *m_form = nullptr;
    YamlEditor *m_yaml = nullptr;
    QTableView *m_problems = nullptr;
    GatewayPanel *m_gatewayPanel = nullptr;
    QDockWidget *m_gatewayDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QLabel *m_statusProblems = nullptr;
    QLabel *m_statusGateway = nullptr;
    QMenu *m_recentMenu = nullptr;
    QSplitter *m_split = nullptr;
    QTimer m_layoutTimer;
    int m_dockAsked = 0; ///< the gateway dock height last asked for (fitGatewayDock())
    QString m_current;
    bool m_reloadOnSave = true;
    bool m_shown = false;
};

} // namespace Airgate::Console
