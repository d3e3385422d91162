import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A YARN cluster in one JVM for spark/yarn-check.sh: Hadoop's MiniYARNCluster (a resource manager and one node
 * manager, which launches each container as a process of its own), FIFO scheduling, 8 GB and 4 cores to give out.
 * Writes its client configuration to DIR/yarn-site.xml (what HADOOP_CONF_DIR points Spark at), then runs until killed.
 *   java -cp "hadoop-client-minicluster and its dependencies" MiniYarn.java DIR
 */
public final class MiniYarn {
    public static void main(String[] args) throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set(YarnConfiguration.RM_SCHEDULER, "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 8192);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
        MiniYARNCluster cluster = new MiniYARNCluster("spacettx", 1, 1, 1);
        cluster.init(conf);
        cluster.start();
        Path dir = Path.of(args[0]);
        Path part = dir.resolve("yarn-site.xml.part");
        try (OutputStream out = new FileOutputStream(part.toFile())) {
            cluster.getConfig().writeXml(out);
        }
        Files.move(part, dir.resolve("yarn-site.xml"), StandardCopyOption.ATOMIC_MOVE);
        System.out.println("resource manager at " + cluster.getConfig().get(YarnConfiguration.RM_ADDRESS));
        Thread.sleep(Long.MAX_VALUE);
    }
}
