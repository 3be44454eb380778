; Inno Setup script for one clinic's Windows kiosk bundle.
; Build the bundle on Windows first (PyInstaller, same spec):
;   set KIOSK_CLINIC_DIR=%CD%\packaging\clinics\example
;   .venv\Scripts\pyinstaller --noconfirm packaging\kiosk.spec
; then compile this script with Inno Setup 6:  iscc /DClinic=example packaging\windows\gut-health-kiosk.iss
; Kiosk lockdown (Shell Launcher or Assigned Access) is set up separately: docs/installing.md.

#ifndef Clinic
  #define Clinic "example"
#endif

[Setup]
AppId={{6C0F2B8E-5B7A-4E0F-9F38-2D7C1A9E4B11}
AppName=Gut-health kiosk ({#Clinic})
AppVersion=0.1.0
AppPublisher=Kiosk team
DefaultDirName={autopf}\GutHealthKiosk
DefaultGroupName=Gut-health kiosk
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=gut-health-kiosk-{#Clinic}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin

[Files]
Source: "..\..\dist\gut-health-kiosk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
; The clinic's settings go to ProgramData, where staff edit them; never overwrite their edits.
Source: "..\clinics\{#Clinic}\*"; DestDir: "{commonappdata}\GutHealthKiosk"; Flags: recursesubdirs onlyifdoesntexist uninsneveruninstall

[Dirs]
; Read-only for the locked-down kiosk account (and every other user): only administrators
; change the settings and the staff PIN hash. The kiosk writes its logs in its own profile.
Name: "{commonappdata}\GutHealthKiosk"; Permissions: users-readexec

[Registry]
; No crash reports: a dump of the kiosk mid-session could hold a patient's answers (Linux:
; LimitCORE=0). Windows Error Reporting sends and queues nothing for the kiosk. (WER keeps
; local dumps only where LocalDumps is configured; never add a LocalDumps key for it.)
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\ExcludedApplications"; ValueType: dword; ValueName: "gut-health-kiosk.exe"; ValueData: 1; Flags: uninsdeletevalue

[Icons]
Name: "{group}\Gut-health kiosk (windowed trial)"; Filename: "{app}\gut-health-kiosk.exe"; Parameters: "run --windowed"

[Run]
; kiosk.exe is the console build for staff commands; gut-health-kiosk.exe opens no console.
Filename: "{app}\kiosk.exe"; Parameters: "validate"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the clinic settings..."
