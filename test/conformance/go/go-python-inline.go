package main

import "os/exec"

func scripts(arg string) {
	// ruleid: go-python-inline
	exec.Command("python3", "-c", "import os; os.system('id')").Run()
	// ruleid: go-python-inline
	exec.Command("python", "-c", "import subprocess; subprocess.run('ls -l', check=True, shell=True)", arg).Run()
	// ok: go-python-inline
	exec.Command("python3", "-c", "print('hello')").Run()
	// near miss: shell=False
	// ok: go-python-inline
	exec.Command("python3", "-c", "import subprocess; subprocess.run(['ls'], shell=False)").Run()
	// near miss: the text mentions os.system but is not Python that calls it
	// ok: go-python-inline
	exec.Command("python3", "-c", "print('os.system')").Run()
}
