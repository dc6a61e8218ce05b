module github.com/icetimer/icetimer

go 1.26
