; Inno Setup script: an all-users Windows install of the Lantern bundle.
;
; Build on Windows (it cannot be built on Linux):
;   1. make the bundle:   .venv\Scripts\pyinstaller --noconfirm packaging\lantern.spec
;   2. check it:          dist\Lantern\Lantern-cli.exe --self-test      (last line: "ok": true)
;   3. make the setup:    iscc packaging\windows\lantern.iss
; Result: dist\Lantern-0.1.0-setup.exe. Silent install for many laptops:
;   Lantern-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; See docs/install.md.

#define AppName "Lantern"
#define AppVersion "0.1.0"
#define BundleDir "..\..\dist\Lantern"

[Setup]
AppId={{6C7F0A9E-3B1D-4E55-9C2A-5A7D1E0B4F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Lantern developers
AppComments=An offline AI tutor for schools
; All users: Program Files, administrator rights, shortcuts for everyone.
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Lantern-{#AppVersion}-setup
; The models are already compressed: lzma2 still saves a little, solid for speed.
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\Lantern.exe
UninstallDisplayName={#AppName} {#AppVersion}
; A bundle of ~400 MB: say so before copying.
ExtraDiskSpaceRequired=0

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\Lantern.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Lantern.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Lantern.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the installer put there; learners' profiles live in each user's AppData
; and are never deleted by an uninstall.
Type: filesandordirs; Name: "{app}\_internal"
