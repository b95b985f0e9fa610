// SPDX-License-Identifier: MIT
// Preferences: the SoundFont, the audio driver and rate, the MIDI output (built-in synth or a
// port, with clock) and input (with play-through). Reads and writes QSettings.
#pragma once

#include "engine/llm/ProviderConfig.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pianola::engine::llm {
class ConnectionTest;
class KeySource;
} // namespace pianola::engine::llm

namespace pianola::app {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    /// `keys`: the API keys the chat uses (environment, then keychain), for the key status and
    /// Test connection; it must outlive the dialog.
    explicit PreferencesDialog(const engine::llm::KeySource* keys = nullptr,
                               QWidget* parent = nullptr);
    /// Writes the settings; returns whether the sound (synth/driver) or the MIDI ports changed.
    struct Changes
    {
        bool sound = false;
        bool midi = false;
    };
    Changes save() const;
    /// A key typed in for the provider shown (to store in the keychain), and that provider.
    QString enteredKey() const;
    QString keyProvider() const { return m_llmShown; }
    /// True when the language-model settings were changed or tested: the provider shown then
    /// becomes the chat's.
    bool modelConfigured() const { return m_llmTouched; }

private:
    void listPorts();
    void loadModelSettings();
    void storeModelSettings() const;
    void showKeyStatus();
    void testConnection();
    engine::llm::ProviderConfig shownConfig() const;

    QLineEdit* m_soundFont;
    QComboBox* m_driver;
    QComboBox* m_rate;
    QComboBox* m_api;
    QComboBox* m_output;
    QCheckBox* m_clock;
    QComboBox* m_input;
    QCheckBox* m_playThrough;
    QComboBox* m_llmProvider;
    QLineEdit* m_llmBaseUrl;
    QLineEdit* m_llmModel;
    QLineEdit* m_llmKeyEnv;
    QLineEdit* m_llmKey;
    QComboBox* m_llmMode;
    QString m_llmShown; ///< the provider whose fields are shown
    QLabel* m_keyStatus;
    QPushButton* m_test;
    QLabel* m_testResult;
    engine::llm::ConnectionTest* m_connection;
    const engine::llm::KeySource* m_keys;
    bool m_llmTouched = false;
};

} // namespace pianola::app
