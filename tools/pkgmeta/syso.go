package main

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"io"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// langZhCN is the language of the version strings: 0x0804, Chinese (PRC).
const langZhCN = 0x0804

// exeName is the file name `make windows` gives the program.
const exeName = "shenbao-windows-amd64.exe"

// iconSizes are the images in the .exe's icon: Explorer's views from "small" to "extra
// large", the taskbar and the title bar at 100 %–250 % scaling.
var iconSizes = []int{256, 128, 64, 48, 40, 32, 24, 20, 16}

// iconName is the icon group's name. GLFW loads the window-class icon by this name, so the
// title bar and taskbar have the icon from the first frame; as the only icon group it is also
// the one Explorer shows for the file.
const iconName = winres.Name("GLFW_ICON")

// resources are the .exe's icon, version information (in Chinese) and manifest.
func resources(m meta, icon image.Image) (*winres.ResourceSet, error) {
	rs := &winres.ResourceSet{}
	var imgs []image.Image
	for _, s := range iconSizes {
		imgs = append(imgs, scaled(icon, s))
	}
	ico, err := winres.NewIconFromImages(imgs)
	if err != nil {
		return nil, err
	}
	if err := rs.SetIcon(iconName, ico); err != nil {
		return nil, err
	}
	vi, err := versionInfo(m)
	if err != nil {
		return nil, err
	}
	rs.SetVersionInfo(*vi)
	if err := rs.Set(winres.RT_MANIFEST, winres.ID(1), winres.LCIDNeutral, manifest(m)); err != nil {
		return nil, err
	}
	return rs, nil
}

// versionInfo is what Explorer shows under 属性 → 详细信息.
func versionInfo(m meta) (*version.Info, error) {
	vi := &version.Info{FileVersion: m.versionQuad(), ProductVersion: m.versionQuad()}
	for _, kv := range [][2]string{
		{version.ProductName, m.ProductName},
		{version.FileDescription, m.Description},
		{version.FileVersion, m.Version},
		{version.ProductVersion, m.Version},
		{version.LegalCopyright, m.Copyright},
		{version.InternalName, "shenbao"},
		{version.OriginalFilename, exeName},
		{version.Comments, m.Comment},
	} {
		if kv[1] == "" {
			continue
		}
		if err := vi.Set(langZhCN, kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	return vi, nil
}

// manifest declares: Windows 7–11 compatibility; per-monitor DPI awareness (Fyne scales by
// itself, so Windows must not blur the window); the UTF-8 active code page, so that any ANSI
// API a C library calls takes the UTF-8 of Chinese paths (Windows 10 1903 and later);
// long paths; common controls v6 for the message box; no elevation.
func manifest(m meta) []byte {
	return []byte(fmt.Sprintf(manifestXML, html.EscapeString(m.ProductName)))
}

const manifestXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <description>%s</description>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
      <supportedOS Id="{1f676c76-80e1-4239-95bb-83d0f6d0da78}"/>
      <supportedOS Id="{4a2f28e3-53b9-4441-ba9c-d69d4a4a6e38}"/>
      <supportedOS Id="{35138b9a-5d96-4fbd-8e2d-a2440225f93a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>
      <activeCodePage xmlns="http://schemas.microsoft.com/SMI/2019/WindowsSettings">UTF-8</activeCodePage>
      <longPathAware xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">true</longPathAware>
    </windowsSettings>
  </application>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
</assembly>
`

// writeSyso writes the COFF object that `go build` links into a windows/amd64 program when
// it lies in package main's folder as rsrc_windows_amd64.syso.
func writeSyso(w io.Writer, m meta, icon image.Image) error {
	rs, err := resources(m, icon)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rs.WriteObject(&buf, winres.ArchAMD64); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
