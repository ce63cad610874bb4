package reportcmd

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func workbook(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"a b", "c"})
	_, _ = f.NewSheet("Two")
	_ = f.SetCellValue("Two", "B2", 42)
	edit(f)
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSameCells(t *testing.T) {
	base := workbook(t, func(*excelize.File) {})
	tests := []struct {
		name string
		edit func(f *excelize.File)
		same bool
	}{
		{"re-saved with a new width and properties", func(f *excelize.File) {
			_ = f.SetColWidth("Sheet1", "A", "A", 40)
			_ = f.SetDocProps(&excelize.DocProperties{Title: "other"})
		}, true},
		{"a cell changed", func(f *excelize.File) { _ = f.SetCellValue("Two", "B2", 43) }, false},
		{"cells split differently", func(f *excelize.File) {
			_ = f.SetSheetRow("Sheet1", "A1", &[]any{"a", "b c"})
		}, false},
		{"a sheet added", func(f *excelize.File) { _, _ = f.NewSheet("Three") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			same, err := sameCells(base, workbook(t, tt.edit))
			if err != nil {
				t.Fatal(err)
			}
			if same != tt.same {
				t.Errorf("sameCells = %v, want %v", same, tt.same)
			}
		})
	}
	if _, err := sameCells(base, []byte("not a workbook")); err == nil {
		t.Error("sameCells of a file that is not a workbook: no error")
	}
}
