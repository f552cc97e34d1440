package platform

// Drive is a place the file dialogs list beside the user's folders: a disk, a USB stick, a
// network drive or, outside Windows, the whole computer.
type Drive struct {
	Name      string // 本地磁盘 (C:), U盘 (E:), 计算机
	Path      string // C:\, /media/user/KINGSTON, /
	Removable bool   // a USB stick or card
}

// Drive types of GetDriveType (winbase.h), here so the naming is tested on every system.
const (
	driveRemovable = 2
	driveFixed     = 3
	driveRemote    = 4
	driveCDROM     = 5
	driveRAMDisk   = 6
)

// driveOfType names drive letter's root by its type as Explorer does; ok is false for a
// type not worth listing (unknown, no root).
func driveOfType(t uint32, letter, root string) (Drive, bool) {
	label := " (" + letter + ":)"
	switch t {
	case driveFixed, driveRAMDisk:
		return Drive{Name: "本地磁盘" + label, Path: root}, true
	case driveRemovable:
		return Drive{Name: "U盘" + label, Path: root, Removable: true}, true
	case driveRemote:
		return Drive{Name: "网络驱动器" + label, Path: root}, true
	case driveCDROM:
		return Drive{Name: "光盘" + label, Path: root, Removable: true}, true
	}
	return Drive{}, false
}
